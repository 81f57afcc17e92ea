package id.kotacerdas.election.crypto.guardian;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.cli.CliFiles;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The guardian's tool, run on the guardian's own device.
 * <pre>
 * GuardianCli generate --election ID --guardian ID --sequence N --secret-out FILE [--public-out FILE]
 * GuardianCli decrypt  --secret FILE --tally FILE_OR_URL --out FILE
 * </pre>
 * {@code generate} keeps the secret key in a file readable only by its owner and prints the public key with its
 * proof (upload that JSON). {@code decrypt} reads the published {@link TallyToDecrypt} and writes this guardian's
 * {@link GuardianDecryption} (upload that JSON).
 */
public final class GuardianCli {

    private GuardianCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                return usage(err);
            }
            Map<String, String> options = CliFiles.options(args, 1, Set.of());
            switch (args[0]) {
                case "generate" -> generate(options, out, err);
                case "decrypt" -> decrypt(options, err);
                default -> {
                    return usage(err);
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        }
    }

    private static void generate(Map<String, String> options, PrintStream out, PrintStream err) {
        Path secretFile = Path.of(CliFiles.required(options, "secret-out"));
        if (Files.exists(secretFile)) {
            throw new IllegalArgumentException(secretFile + " exists: refusing to overwrite a secret key");
        }
        GuardianKeyPair pair = GuardianKeyPair.generate(CliFiles.required(options, "election"),
                CliFiles.required(options, "guardian"), Integer.parseInt(CliFiles.required(options, "sequence")));
        CliFiles.writeJson(secretFile, pair.secretKey(), true);
        if (options.containsKey("public-out")) {
            CliFiles.writeJson(Path.of(options.get("public-out")), pair.publicKey(), false);
        }
        out.println(CliFiles.toJson(pair.publicKey()));
        err.println("secret key written to " + secretFile + " — keep it on this device; upload the JSON above");
    }

    private static void decrypt(Map<String, String> options, PrintStream err) {
        GuardianSecretKey secret = CliFiles.readJson(CliFiles.required(options, "secret"), GuardianSecretKey.class);
        TallyToDecrypt tally = CliFiles.readJson(CliFiles.required(options, "tally"), TallyToDecrypt.class);
        BallotContext context = new BallotContext(tally.manifest(), tally.electionKey());
        GuardianDecryption decryption = secret.decrypt(context, tally.aggregates());
        Path out = Path.of(CliFiles.required(options, "out"));
        CliFiles.writeJson(out, decryption, false);
        err.println(decryption.shares().size() + " partial decryptions with proofs written to " + out
                + " (manifest hash " + context.manifestHash() + ")");
    }

    private static int usage(PrintStream err) {
        err.println("usage: GuardianCli generate --election ID --guardian ID --sequence N --secret-out FILE "
                + "[--public-out FILE]");
        err.println("       GuardianCli decrypt --secret FILE --tally FILE_OR_URL --out FILE");
        return 2;
    }
}

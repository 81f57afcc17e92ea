package id.kotacerdas.election.crypto.booth;

import id.kotacerdas.election.crypto.ballot.BallotContext;
import id.kotacerdas.election.crypto.ballot.BallotEncryptor;
import id.kotacerdas.election.crypto.ballot.EncryptedBallot;
import id.kotacerdas.election.crypto.cli.CliFiles;
import id.kotacerdas.election.crypto.record.PublishedElection;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A minimal booth for the local stack: encrypts a choice on this machine and prints the encrypted ballot JSON (to
 * send to the cast endpoint) and the tracking code to keep.
 * <pre>
 * BoothCli --election FILE_OR_URL --village CODE (--candidate ID | --blank) [--out FILE]
 * </pre>
 * {@code --election} is the published {@link PublishedElection} (manifest, manifest hash, election key); the booth
 * refuses it when the manifest does not hash to the published hash.
 */
public final class BoothCli {

    private BoothCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            Map<String, String> options = CliFiles.options(args, 0, Set.of("blank"));
            PublishedElection election = CliFiles.readJson(CliFiles.required(options, "election"),
                    PublishedElection.class);
            BallotContext context = new BallotContext(election.manifest(), election.electionKey());
            if (!context.manifestHash().equals(election.manifestHash())) {
                err.println("refused: the manifest does not match the published manifest hash");
                return 1;
            }
            String candidate = options.containsKey("blank") ? null : CliFiles.required(options, "candidate");
            EncryptedBallot ballot = new BallotEncryptor(context)
                    .encrypt(CliFiles.required(options, "village"), candidate);
            if (options.containsKey("out")) {
                CliFiles.writeJson(Path.of(options.get("out")), ballot, false);
            } else {
                out.println(CliFiles.toJson(ballot));
            }
            err.println("tracking code: " + ballot.trackingCode());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: BoothCli --election FILE_OR_URL --village CODE (--candidate ID | --blank) "
                    + "[--out FILE]");
            return 2;
        }
    }
}

package id.kotacerdas.election.crypto.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code VerifierCli <record.zip> [--tracking-code CODE]... [--tracking-codes FILE] [--threads N]}: prints each check
 * with PASS or FAIL; exit code 0 when all pass, 1 on any FAIL, 2 on a usage error.
 */
public final class VerifierCli {

    private VerifierCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) {
        Path record = null;
        List<String> codes = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tracking-code" -> codes.add(args[++i].trim().toLowerCase(java.util.Locale.ROOT));
                    case "--tracking-codes" -> Files.readAllLines(Path.of(args[++i])).stream().map(String::trim)
                            .filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(java.util.Locale.ROOT))
                            .forEach(codes::add);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    default -> {
                        if (args[i].startsWith("--") || record != null) {
                            return usage(out);
                        }
                        record = Path.of(args[i]);
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException | IOException e) {
            return usage(out);
        }
        if (record == null) {
            return usage(out);
        }
        out.println("Verifying election record " + record + " with " + threads + " threads");
        long started = System.nanoTime();
        VerificationReport report = new RecordVerifier(threads, out::println).verify(record, codes);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("%s: %d checks, %d failed, %.1f s%n", report.allPassed() ? "VALID" : "INVALID",
                report.checks().size(), report.failures().size(), seconds);
        return report.allPassed() ? 0 : 1;
    }

    private static int usage(PrintStream out) {
        out.println("usage: verify <record.zip> [--tracking-code CODE]... [--tracking-codes FILE] [--threads N]");
        return 2;
    }
}

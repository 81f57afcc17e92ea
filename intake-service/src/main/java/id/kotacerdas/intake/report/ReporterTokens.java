package id.kotacerdas.intake.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The reporter's secret for citizen actions: random, shown once, stored only as a SHA-256 hash. */
public final class ReporterTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReporterTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return HexFormat.of().formatHex(sha256(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison, so the answer time tells nothing about the stored hash. */
    public static boolean matches(Report report, String token) {
        if (token == null || token.isBlank() || report.reporterTokenHash() == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                report.reporterTokenHash().getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

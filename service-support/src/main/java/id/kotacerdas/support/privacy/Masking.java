package id.kotacerdas.support.privacy;

/** Personal data as it may appear in answers, events and logs: recognisable to its owner, useless to others. */
public final class Masking {

    private Masking() {
    }

    /** {@code +6281234565678} → {@code +62812****5678}. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (phone.length() <= 8) {
            return "****";
        }
        return phone.substring(0, 6) + "****" + phone.substring(phone.length() - 4);
    }

    /** {@code budi.santoso@example.id} → {@code b***@example.id}. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** {@code 3509123456780001} → {@code 3509********0001}. */
    public static String nik(String nik) {
        if (nik == null || nik.length() < 8) {
            return "****";
        }
        return nik.substring(0, 4) + "*".repeat(nik.length() - 8) + nik.substring(nik.length() - 4);
    }
}

package id.kotacerdas.notification.recipient;

/** Indonesian numbers in the forms people write them ({@code 0812...}, {@code +62 812-...}, {@code 62812...}). */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** International digits without the plus, e.g. {@code 6281234565678}; null when there are no digits. */
    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (digits.startsWith("0")) {
            return "62" + digits.substring(1);
        }
        return digits;
    }

    /** {@code +6281234565678} for display and masking. */
    public static String international(String phone) {
        String normalized = normalize(phone);
        return normalized == null ? null : "+" + normalized;
    }
}

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
        StringBuilder kept = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                kept.append(c);
            }
        }
        String digits = kept.toString();
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

package id.kotacerdas.support.privacy;

import java.util.Optional;
import java.util.regex.Pattern;

/** Indonesian mobile numbers in any common form ({@code 0812…}, {@code 62812…}, {@code +62 812-…}) to E.164. */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern E164_INDONESIA = Pattern.compile("\\+628\\d{7,11}");

    private PhoneNumbers() {
    }

    /** @return the E.164 form, or empty when the text is not an Indonesian mobile number */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(raw.trim()).replaceAll("");
        String e164;
        if (digits.startsWith("+62")) {
            e164 = digits;
        } else if (digits.startsWith("62")) {
            e164 = "+" + digits;
        } else if (digits.startsWith("0")) {
            e164 = "+62" + digits.substring(1);
        } else {
            return Optional.empty();
        }
        return E164_INDONESIA.matcher(e164).matches() ? Optional.of(e164) : Optional.empty();
    }
}

package id.kotacerdas.voting.roll;

import java.util.Locale;
import java.util.Optional;

/** As on the e-KTP: L (laki-laki) or P (perempuan). */
public enum Sex {
    L, P;

    public static Optional<Sex> parse(String text) {
        return switch (text == null ? "" : text.trim().toUpperCase(Locale.ROOT)) {
            case "L", "M", "LAKI-LAKI", "LAKI LAKI", "MALE" -> Optional.of(L);
            case "P", "F", "W", "PEREMPUAN", "WANITA", "FEMALE" -> Optional.of(P);
            default -> Optional.empty();
        };
    }
}

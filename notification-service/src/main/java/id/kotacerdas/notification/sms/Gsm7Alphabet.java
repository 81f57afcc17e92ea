package id.kotacerdas.notification.sms;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/** The GSM 03.38 default alphabet and its extension table, unpacked (one septet per octet, as SMPP carries it). */
final class Gsm7Alphabet {

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    static final int ESCAPE = 0x1B;
    private static final Map<Character, Integer> EXTENDED = Map.of(
            '\f', 0x0A, '^', 0x14, '{', 0x28, '}', 0x29, '\\', 0x2F, '[', 0x3C, '~', 0x3D, ']', 0x3E, '|', 0x40, '€', 0x65);
    private static final Map<Integer, Character> EXTENDED_REVERSE = new HashMap<>();

    static {
        EXTENDED.forEach((c, b) -> EXTENDED_REVERSE.put(b, c));
    }

    private Gsm7Alphabet() {
    }

    /** Septets the character takes: 1 (basic), 2 (extension), 0 when it is not in the alphabet. */
    static int septets(char c) {
        if (c != ESCAPE && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return EXTENDED.containsKey(c) ? 2 : 0;
    }

    static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (septets(text.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (septets(c) == 1) {
                out.write(BASIC.indexOf(c));
            } else {
                out.write(ESCAPE);
                out.write(EXTENDED.getOrDefault(c, (int) '?'));
            }
        }
        return out.toByteArray();
    }

    static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int value = septets[i] & 0x7F;
            if (value == ESCAPE) {
                // an escape ending the octets is half a character (the rest in a part that never came)
                if (i + 1 < septets.length) {
                    Character extended = EXTENDED_REVERSE.get(septets[++i] & 0x7F);
                    text.append(extended == null ? ' ' : extended);
                }
            } else {
                text.append(BASIC.charAt(value));
            }
        }
        return text.toString();
    }
}

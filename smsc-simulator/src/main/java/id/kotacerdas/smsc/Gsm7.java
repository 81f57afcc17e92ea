package id.kotacerdas.smsc;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 03.38 default alphabet with its extension table, one septet per octet
 * (the unpacked form SMPP uses for data_coding 0).
 */
public final class Gsm7 {

    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final byte ESCAPE = 0x1B;
    private static final Map<Character, Byte> EXTENDED = Map.of(
            '\f', (byte) 0x0A, '^', (byte) 0x14, '{', (byte) 0x28, '}', (byte) 0x29, '\\', (byte) 0x2F,
            '[', (byte) 0x3C, '~', (byte) 0x3D, ']', (byte) 0x3E, '|', (byte) 0x40, '€', (byte) 0x65);
    private static final Map<Byte, Character> EXTENDED_REVERSE = new HashMap<>();

    static {
        EXTENDED.forEach((c, b) -> EXTENDED_REVERSE.put(b, c));
    }

    private Gsm7() {
    }

    /** True when every character of the text exists in the default alphabet or its extension. */
    public static boolean canEncode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || (BASIC.indexOf(c) < 0 && !EXTENDED.containsKey(c))) {
                return false;
            }
        }
        return true;
    }

    public static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int index = BASIC.indexOf(c);
            if (index >= 0 && c != ESCAPE) {
                out.write(index);
            } else if (EXTENDED.containsKey(c)) {
                out.write(ESCAPE);
                out.write(EXTENDED.get(c));
            } else {
                out.write(BASIC.indexOf('?'));
            }
        }
        return out.toByteArray();
    }

    public static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int value = septets[i] & 0x7F;
            if (value == ESCAPE && i + 1 < septets.length) {
                Character extended = EXTENDED_REVERSE.get((byte) (septets[++i] & 0x7F));
                text.append(extended == null ? ' ' : extended);
            } else {
                text.append(BASIC.charAt(value));
            }
        }
        return text.toString();
    }
}

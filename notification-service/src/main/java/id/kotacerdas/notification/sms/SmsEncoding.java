package id.kotacerdas.notification.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses GSM-7 when every character fits the default alphabet, otherwise UCS-2 (an emoji or a
 * non-Latin name switches the whole message), and splits the text into the parts a handset
 * reassembles: 160 septets / 70 UCS-2 units alone, 153 / 67 per part when concatenated (the UDH
 * takes the rest). Parts never split an escape sequence or a surrogate pair.
 */
public final class SmsEncoding {

    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;
    static final byte DATA_CODING_GSM7 = 0x00;
    static final byte DATA_CODING_UCS2 = 0x08;

    private SmsEncoding() {
    }

    public static EncodedSms encode(String text) {
        return Gsm7Alphabet.canEncode(text) ? gsm7(text) : ucs2(text);
    }

    private static EncodedSms gsm7(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += Gsm7Alphabet.septets(text.charAt(i));
        }
        if (total <= GSM_SINGLE) {
            return new EncodedSms(DATA_CODING_GSM7, List.of(Gsm7Alphabet.encode(text)), List.of(text));
        }
        List<String> texts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int size = Gsm7Alphabet.septets(c);
            if (used + size > GSM_PART) {
                texts.add(current.toString());
                current.setLength(0);
                used = 0;
            }
            current.append(c);
            used += size;
        }
        texts.add(current.toString());
        return new EncodedSms(DATA_CODING_GSM7, texts.stream().map(Gsm7Alphabet::encode).toList(), texts);
    }

    private static EncodedSms ucs2(String text) {
        if (text.length() <= UCS2_SINGLE) {
            return new EncodedSms(DATA_CODING_UCS2, List.of(text.getBytes(StandardCharsets.UTF_16BE)), List.of(text));
        }
        List<String> texts = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + UCS2_PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            texts.add(text.substring(start, end));
            start = end;
        }
        return new EncodedSms(DATA_CODING_UCS2, texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_16BE)).toList(),
                texts);
    }

    /** Decodes a short message body by its data_coding (0x08 UCS-2, 0x03 Latin-1, otherwise GSM-7). */
    public static String decode(byte[] body, byte dataCoding) {
        int coding = dataCoding & 0xFF;
        int alphabet = coding < 0x10 ? coding : (coding & 0xC0) == 0 ? coding & 0x0C : (coding & 0xF0) == 0xF0 ? coding & 0x04 : 0;
        return switch (alphabet) {
            case 0x08 -> new String(body, StandardCharsets.UTF_16BE);
            case 0x03, 0x04 -> new String(body, StandardCharsets.ISO_8859_1);
            case 0x01 -> new String(body, StandardCharsets.US_ASCII);
            default -> Gsm7Alphabet.decode(body);
        };
    }
}

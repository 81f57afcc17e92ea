package id.kotacerdas.notification.sms;

import java.util.List;

/**
 * A text ready for submit_sm: its data_coding and the bodies of its parts (without UDH).
 *
 * @param dataCoding 0x00 GSM-7 or 0x08 UCS-2
 * @param bodies     the encoded part bodies, in order
 * @param texts      the text each part carries, in order (for tests and logs of lengths)
 */
public record EncodedSms(byte dataCoding, List<byte[]> bodies, List<String> texts) {

    public int parts() {
        return bodies.size();
    }

    public boolean isUcs2() {
        return dataCoding == SmsEncoding.DATA_CODING_UCS2;
    }
}

package id.kotacerdas.smsc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jsmpp.bean.MessageRequest;
import org.jsmpp.bean.OptionalParameter;

/**
 * One submit_sm decoded: its text and, when it is a part of a concatenated message, the
 * reference / total / sequence from the UDH (IE 0x00 or 0x08) or the SAR TLVs.
 */
record SubmittedPart(String from, String to, String text, int dataCoding, int reference, int total, int sequence) {

    boolean isConcatenated() {
        return total > 1;
    }

    static SubmittedPart of(MessageRequest request) {
        byte[] payload = request.getShortMessage();
        if (payload == null || payload.length == 0) {
            OptionalParameter messagePayload = request.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            payload = messagePayload instanceof OptionalParameter.OctetString octets ? octets.getValue() : new byte[0];
        }
        int reference = 0;
        int total = 1;
        int sequence = 1;
        boolean udhi = (request.getEsmClass() & 0x40) != 0;
        if (udhi && payload.length > 0) {
            int headerLength = payload[0] & 0xFF;
            int position = 1;
            while (position + 1 < 1 + headerLength && position + 1 < payload.length) {
                int element = payload[position] & 0xFF;
                int length = payload[position + 1] & 0xFF;
                int data = position + 2;
                if (element == 0x00 && length == 3) {
                    reference = payload[data] & 0xFF;
                    total = payload[data + 1] & 0xFF;
                    sequence = payload[data + 2] & 0xFF;
                } else if (element == 0x08 && length == 4) {
                    reference = ((payload[data] & 0xFF) << 8) | (payload[data + 1] & 0xFF);
                    total = payload[data + 2] & 0xFF;
                    sequence = payload[data + 3] & 0xFF;
                }
                position = data + length;
            }
            payload = Arrays.copyOfRange(payload, Math.min(1 + headerLength, payload.length), payload.length);
        } else if (request.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM) instanceof OptionalParameter.Short ref
                && request.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS) instanceof OptionalParameter.Byte segments
                && request.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM) instanceof OptionalParameter.Byte seq) {
            reference = ref.getValue() & 0xFFFF;
            total = segments.getValue() & 0xFF;
            sequence = seq.getValue() & 0xFF;
        }
        int dataCoding = request.getDataCoding() & 0xFF;
        return new SubmittedPart(request.getSourceAddr(), request.getDestAddress(), decode(payload, dataCoding),
                dataCoding, reference, total, sequence);
    }

    static String decode(byte[] payload, int dataCoding) {
        return switch (alphabet(dataCoding)) {
            case 0x08 -> new String(payload, StandardCharsets.UTF_16BE);
            case 0x03 -> new String(payload, StandardCharsets.ISO_8859_1);
            case 0x01 -> new String(payload, StandardCharsets.US_ASCII);
            case 0x04 -> new String(payload, StandardCharsets.ISO_8859_1);
            default -> Gsm7.decode(payload);
        };
    }

    /**
     * The character set a data_coding names, as an SMPP 0x0X value: 0x00 GSM-7, 0x01 IA5,
     * 0x03 Latin-1, 0x04 8-bit, 0x08 UCS-2. Values 0x10 and up are GSM 03.38 coding groups.
     */
    static int alphabet(int dataCoding) {
        if (dataCoding < 0x10) {
            return dataCoding;
        }
        if ((dataCoding & 0xC0) == 0) {
            return dataCoding & 0x0C;
        }
        if ((dataCoding & 0xF0) == 0xF0) {
            return dataCoding & 0x04;
        }
        if ((dataCoding & 0xF0) == 0xE0) {
            return 0x08;
        }
        return 0x00;
    }
}

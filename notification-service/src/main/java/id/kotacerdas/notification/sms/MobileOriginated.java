package id.kotacerdas.notification.sms;

import java.util.Arrays;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;

/**
 * A message a handset sent us, as one deliver_sm carried it: the body without its user data header, and when the
 * handset had to split a long text, which part of which message this is. A part's body is kept as octets: a UCS-2
 * character or a GSM-7 escape may straddle two parts, so only the whole message can be decoded.
 *
 * @param segment {@code null} for a message sent whole
 */
public record MobileOriginated(String from, String to, byte dataCoding, byte[] body, Segment segment) {

    private static final int UDHI = 0x40;
    private static final int CONCATENATION_8BIT_REFERENCE = 0x00;
    private static final int CONCATENATION_16BIT_REFERENCE = 0x08;

    /**
     * Part {@code sequence} (from 1) of the {@code total} parts of the message the handset numbered
     * {@code reference}; handsets reuse references, so a reference names a message only while its parts arrive.
     */
    public record Segment(int reference, int total, int sequence) {
    }

    public boolean isSegment() {
        return segment != null;
    }

    /** The text of a message sent whole. */
    public String text() {
        return SmsEncoding.decode(body, dataCoding);
    }

    /**
     * Reads the concatenation from the user data header (information element 0x00 or 0x08) when the esm_class says
     * there is one, else from the sar_* TLVs. A "concatenated" message of one part is a whole message.
     */
    public static MobileOriginated of(DeliverSm deliverSm) {
        byte[] payload = payloadOf(deliverSm);
        Segment segment = null;
        if ((deliverSm.getEsmClass() & UDHI) != 0 && payload.length > 0) {
            int headerEnd = Math.min(1 + (payload[0] & 0xFF), payload.length);
            segment = segmentInHeader(payload, headerEnd);
            payload = Arrays.copyOfRange(payload, headerEnd, payload.length);
        } else {
            segment = segmentInTlvs(deliverSm);
        }
        if (segment != null && (segment.total() < 2 || segment.sequence() < 1 || segment.sequence() > segment.total())) {
            segment = null;
        }
        return new MobileOriginated(deliverSm.getSourceAddr(), deliverSm.getDestAddress(), deliverSm.getDataCoding(),
                payload, segment);
    }

    private static Segment segmentInHeader(byte[] payload, int headerEnd) {
        Segment found = null;
        int position = 1;
        while (position + 1 < headerEnd) {
            int element = payload[position] & 0xFF;
            int length = payload[position + 1] & 0xFF;
            int data = position + 2;
            if (data + length > headerEnd) {
                break;
            }
            if (element == CONCATENATION_8BIT_REFERENCE && length == 3) {
                found = new Segment(payload[data] & 0xFF, payload[data + 1] & 0xFF, payload[data + 2] & 0xFF);
            } else if (element == CONCATENATION_16BIT_REFERENCE && length == 4) {
                found = new Segment(((payload[data] & 0xFF) << 8) | (payload[data + 1] & 0xFF),
                        payload[data + 2] & 0xFF, payload[data + 3] & 0xFF);
            }
            position = data + length;
        }
        return found;
    }

    private static Segment segmentInTlvs(DeliverSm deliverSm) {
        if (deliverSm.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM) instanceof OptionalParameter.Short ref
                && deliverSm.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS) instanceof OptionalParameter.Byte total
                && deliverSm.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM) instanceof OptionalParameter.Byte sequence) {
            return new Segment(ref.getValue() & 0xFFFF, total.getValue() & 0xFF, sequence.getValue() & 0xFF);
        }
        return null;
    }

    private static byte[] payloadOf(DeliverSm deliverSm) {
        byte[] shortMessage = deliverSm.getShortMessage();
        if (shortMessage != null && shortMessage.length > 0) {
            return shortMessage;
        }
        OptionalParameter payload = deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        return payload instanceof OptionalParameter.OctetString octets ? octets.getValue() : new byte[0];
    }

    @Override
    public String toString() {
        return "MobileOriginated[" + (segment == null ? "whole" : segment) + ", " + body.length + " octets]";
    }
}

package id.kotacerdas.smsc;

import java.time.Instant;
import java.util.List;

/**
 * One whole message the simulator received: the parts of a concatenated message are
 * reassembled, so {@code text} is what the recipient's phone would show.
 *
 * @param from          source address
 * @param to            destination address
 * @param text          decoded text of all parts in order
 * @param parts         number of submit_sm PDUs that carried it
 * @param dataCoding    data_coding of the (first) part: 0 GSM-7, 8 UCS-2, ...
 * @param receivedAt    when the last part arrived
 * @param messageId     message id answered for the last part (the one that completed the message)
 * @param messageIds    message ids answered for every part, in part order
 * @param systemId      system id of the session that submitted it
 */
public record ReceivedSms(String from, String to, String text, int parts, int dataCoding, Instant receivedAt,
                          String messageId, List<String> messageIds, String systemId) {

    public boolean isUcs2() {
        return SubmittedPart.alphabet(dataCoding) == 0x08;
    }
}

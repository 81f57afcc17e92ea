package id.kotacerdas.notification.inbound;

import id.kotacerdas.contracts.notification.InboundSmsReceived;
import id.kotacerdas.support.outbox.OutboxAggregate;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/** A mobile-originated SMS as it arrived; its outbox carries InboundSmsReceived to the restricted topic. */
@Document(InboundMessage.COLLECTION)
public class InboundMessage extends OutboxAggregate {

    public static final String COLLECTION = "inbound_sms";

    @Id
    private String id;
    private String provider;
    private String sender;
    private String recipientNumber;
    private String text;
    private String keyword;
    private Instant receivedAt;

    @PersistenceCreator
    InboundMessage() {
    }

    /** A message for intake (anything that is not an opt-out / opt-in keyword). */
    static InboundMessage forIntake(String id, String provider, String sender, String recipientNumber, String text,
                                    Instant receivedAt) {
        InboundMessage message = create(id, provider, sender, recipientNumber, text, null, receivedAt);
        message.raise(new InboundSmsReceived(id, sender, recipientNumber, text, receivedAt));
        return message;
    }

    /** A keyword this service answers itself; kept for the record, not published. */
    static InboundMessage keyword(String id, String provider, String sender, String recipientNumber, String text,
                                  String keyword, Instant receivedAt) {
        return create(id, provider, sender, recipientNumber, text, keyword, receivedAt);
    }

    private static InboundMessage create(String id, String provider, String sender, String recipientNumber, String text,
                                         String keyword, Instant receivedAt) {
        InboundMessage message = new InboundMessage();
        message.id = id;
        message.provider = provider;
        message.sender = sender;
        message.recipientNumber = recipientNumber;
        message.text = text;
        message.keyword = keyword;
        message.receivedAt = receivedAt;
        return message;
    }

    public String id() {
        return id;
    }

    public String keyword() {
        return keyword;
    }
}

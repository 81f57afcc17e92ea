package id.kotacerdas.intake.sms;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.support.outbox.OutboxAggregate;

/**
 * The record that an inbound SMS was handled, under its message id: a second delivery (Kafka redelivery, or
 * the same message through the webhook) finds it and does nothing. Replies that are not part of a report's
 * own story (status answers, help, thanks to a sender the report cannot reach) travel in its outbox. Neither
 * the sender's number nor the text is kept here.
 */
@Document(SmsMessage.COLLECTION)
public class SmsMessage extends OutboxAggregate {

    public static final String COLLECTION = "sms_messages";

    @Id
    private String id;
    private String jurisdictionId;
    private SmsOutcome outcome;
    private String trackingNumber;
    private Instant receivedAt;
    private Instant handledAt;

    static SmsMessage handled(String messageId, String jurisdictionId, SmsOutcome outcome, String trackingNumber,
                              Instant receivedAt, Instant now) {
        SmsMessage message = new SmsMessage();
        message.id = messageId;
        message.jurisdictionId = jurisdictionId;
        message.outcome = outcome;
        message.trackingNumber = trackingNumber;
        message.receivedAt = receivedAt;
        message.handledAt = now;
        return message;
    }

    /** Asks notification-service to answer the sender; saved with this record in one write. */
    SmsMessage reply(NotificationRequested request) {
        raise(request);
        return this;
    }

    public String id() { return id; }
    public String jurisdictionId() { return jurisdictionId; }
    public SmsOutcome outcome() { return outcome; }
    public String trackingNumber() { return trackingNumber; }
    public Instant receivedAt() { return receivedAt; }
    public Instant handledAt() { return handledAt; }
}

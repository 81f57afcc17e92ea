package id.kotacerdas.intake.sms;

import java.time.Instant;

/** An SMS a citizen sent to a regency's number, from either path (Kafka or the gateway webhook). */
record InboundSms(String messageId, String sender, String recipientNumber, String text, Instant receivedAt) {

    @Override
    public String toString() {
        return "InboundSms[" + messageId + "]";
    }
}

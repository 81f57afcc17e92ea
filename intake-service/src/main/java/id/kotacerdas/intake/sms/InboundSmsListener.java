package id.kotacerdas.intake.sms;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.InboundSmsReceived;
import id.kotacerdas.support.consumer.ProcessedEvents;
import id.kotacerdas.support.events.EventReader;
import id.kotacerdas.support.events.IncomingEvent;

/** SMS received over notification-service's SMPP session ({@code city.sms-inbound.v1}, restricted). */
@Component
class InboundSmsListener {

    static final String CONSUMER = "intake.sms-inbound";
    private static final Logger log = LoggerFactory.getLogger(InboundSmsListener.class);

    private final EventReader events;
    private final ProcessedEvents processedEvents;
    private final SmsIntake intake;

    InboundSmsListener(EventReader events, ProcessedEvents processedEvents, SmsIntake intake) {
        this.events = events;
        this.processedEvents = processedEvents;
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.INBOUND_SMS)
    void on(ConsumerRecord<String, byte[]> record) {
        events.read(record).ifPresent(event -> processedEvents.once(CONSUMER, event, this::apply));
    }

    private void apply(IncomingEvent event) {
        if (!(event.payload() instanceof InboundSmsReceived sms)) {
            return;
        }
        if (sms.sender() == null || sms.sender().isBlank()) {
            log.warn("SMS {} has no sender and cannot be answered; ignored", sms.messageId());
            return;
        }
        intake.handle(new InboundSms(sms.messageId(), sms.sender(), sms.recipientNumber(), sms.text(),
                sms.receivedAt()));
    }
}

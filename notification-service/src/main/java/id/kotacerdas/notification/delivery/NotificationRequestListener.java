package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.support.events.EventReader;
import id.kotacerdas.support.events.IncomingEvent;
import id.kotacerdas.support.events.InvalidEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes notification requests. It only queues (one insert); sending happens on the dispatcher's
 * workers, so a slow provider never holds up this consumer. A request that names nothing to send
 * (no request id, no template) is a broken contract and goes to the dead-letter topic.
 * <p>
 * No processed-events log here: the insert keyed by (request id, channel) is itself the idempotency check
 * and costs one write, where the log would add a read and a write to every request.
 */
@Component
public class NotificationRequestListener {

    private final EventReader events;
    private final DeliveryIntake intake;

    public NotificationRequestListener(EventReader events, DeliveryIntake intake) {
        this.events = events;
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTS, concurrency = "${notification.consumer.concurrency:3}")
    void on(ConsumerRecord<String, byte[]> record) {
        events.read(record).ifPresent(this::apply);
    }

    private void apply(IncomingEvent event) {
        if (event.payload() instanceof NotificationRequested request) {
            if (request.requestId() == null || request.requestId().isBlank() || request.template() == null
                    || request.template().isBlank() || request.recipient() == null) {
                throw new InvalidEventException("notification request " + event.id()
                        + " lacks a request id, a template or a recipient");
            }
            intake.accept(request);
        }
    }
}

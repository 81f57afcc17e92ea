package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.support.events.EventReader;
import id.kotacerdas.support.events.IncomingEvent;
import id.kotacerdas.support.events.InvalidEventException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes notification requests a poll at a time. It only queues (one insert for the whole batch); sending
 * happens on the dispatcher's workers, so a slow provider never holds up this consumer.
 * <p>
 * One bad record does not hold up the others: a request that names nothing to send (no request id, no template,
 * no recipient) is a broken contract, one the store refuses is retried on its own; either is reported by its
 * index, the requests before it are queued, and the error handler retries or dead-letters it before the rest of
 * the batch comes again (queueing those again changes nothing).
 * <p>
 * No processed-events log here: the insert keyed by (request id, channel) is itself the idempotency check,
 * where the log would add a read and a write to every request.
 */
@Component
public class NotificationRequestListener {

    private final EventReader events;
    private final DeliveryIntake intake;

    public NotificationRequestListener(EventReader events, DeliveryIntake intake) {
        this.events = events;
        this.intake = intake;
    }

    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTS, batch = "true",
            concurrency = "${notification.consumer.concurrency:3}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<NotificationRequested> requests = new ArrayList<>(records.size());
        List<Integer> recordIndexes = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            try {
                Optional<NotificationRequested> request = read(records.get(index));
                if (request.isPresent()) {
                    requests.add(request.get());
                    recordIndexes.add(index);
                }
            } catch (InvalidEventException invalid) {
                accept(requests, recordIndexes);
                throw new BatchListenerFailedException(invalid.getMessage(), invalid, index);
            }
        }
        accept(requests, recordIndexes);
    }

    private void accept(List<NotificationRequested> requests, List<Integer> recordIndexes) {
        try {
            intake.acceptAll(requests);
        } catch (RequestNotStoredException notStored) {
            throw new BatchListenerFailedException(notStored.getMessage(), notStored,
                    recordIndexes.get(notStored.index()));
        }
    }

    private Optional<NotificationRequested> read(ConsumerRecord<String, byte[]> record) {
        Optional<IncomingEvent> event = events.read(record);
        if (event.isEmpty() || !(event.get().payload() instanceof NotificationRequested request)) {
            return Optional.empty();
        }
        if (request.requestId() == null || request.requestId().isBlank() || request.template() == null
                || request.template().isBlank() || request.recipient() == null) {
            throw new InvalidEventException("notification request " + event.get().id()
                    + " lacks a request id, a template or a recipient");
        }
        if (request.parameters() != null && request.parameters().keySet().stream()
                .anyMatch(name -> name == null || name.contains(".") || name.startsWith("$"))) {
            throw new InvalidEventException("notification request " + event.get().id()
                    + " has a parameter name with '.' or a leading '$', which no template can use and the store cannot keep");
        }
        return Optional.of(request);
    }
}

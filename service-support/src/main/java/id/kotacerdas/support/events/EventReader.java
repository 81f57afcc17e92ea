package id.kotacerdas.support.events;

import id.kotacerdas.contracts.CityEvent;
import id.kotacerdas.contracts.ContractSchemas;
import id.kotacerdas.contracts.EventCatalog;
import id.kotacerdas.contracts.EventDescriptor;
import id.kotacerdas.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import java.util.List;
import java.util.Optional;

/**
 * Turns a consumed record into an {@link IncomingEvent}. Types this service does not know (added by a
 * newer producer) are skipped; a record that breaks its contract is rejected as invalid.
 */
public class EventReader {

    private static final Logger log = LoggerFactory.getLogger(EventReader.class);

    public Optional<IncomingEvent> read(ConsumerRecord<String, byte[]> record) {
        EventEnvelope envelope = EventEnvelope.from(record);
        Optional<EventDescriptor<?>> descriptor = EventCatalog.forType(envelope.type());
        if (descriptor.isEmpty()) {
            log.debug("Skipping event {} of unknown type {}", envelope.id(), envelope.type());
            return Optional.empty();
        }
        try {
            List<String> violations = ContractSchemas.violations(descriptor.get(), envelope.payload());
            if (!violations.isEmpty()) {
                throw new InvalidEventException("event " + envelope.id() + " violates " + envelope.type() + ": " + violations);
            }
            CityEvent payload = EventJson.read(envelope.payload(), descriptor.get().payloadType());
            return Optional.of(new IncomingEvent(envelope, payload));
        } catch (JacksonException e) {
            throw new InvalidEventException("event " + envelope.id() + " is not valid " + envelope.type(), e);
        }
    }
}

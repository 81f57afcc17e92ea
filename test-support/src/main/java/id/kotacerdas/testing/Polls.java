package id.kotacerdas.testing;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A poll as a batch listener receives it, made from records as they were produced: to drive one poll in a test. */
public final class Polls {

    private Polls() {
    }

    /** The records in this order, on partition 0 at offsets 0, 1, 2 … */
    @SafeVarargs
    public static List<ConsumerRecord<String, byte[]>> of(ProducerRecord<String, byte[]>... sent) {
        return of(List.of(sent));
    }

    /** The records in this order, on partition 0 at offsets 0, 1, 2 … */
    public static List<ConsumerRecord<String, byte[]>> of(List<ProducerRecord<String, byte[]>> sent) {
        List<ConsumerRecord<String, byte[]>> poll = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record : sent) {
            poll.add(new ConsumerRecord<>(record.topic(), 0, poll.size(), 0L, TimestampType.CREATE_TIME, 0, 0,
                    record.key(), record.value(), record.headers(), Optional.empty()));
        }
        return poll;
    }
}

package id.kotacerdas.load;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/** The raw rates of the same broker and store the platform uses, measured in the same run. */
final class Ceilings {

    private Ceilings() {
    }

    /** Records/s of 1 KB values with the platform's producer settings (acks=all, idempotent) to a scratch topic. */
    static double kafkaProducerRate(String bootstrap, int records) throws Exception {
        String topic = "loadtest.ceiling." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 12, (short) 1))).all().get();
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                    ProducerConfig.LINGER_MS_CONFIG, "5"), new StringSerializer(), new ByteArraySerializer())) {
                byte[] value = new byte[1024];
                ThreadLocalRandom.current().nextBytes(value);
                for (int i = 0; i < 2000; i++) {
                    producer.send(new ProducerRecord<>(topic, "warm-" + i, value));
                }
                producer.flush();
                long start = System.nanoTime();
                for (int i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic, "key-" + i, value));
                }
                producer.flush();
                return records / seconds(start);
            } finally {
                admin.deleteTopics(Set.of(topic));
            }
        }
    }

    /** Single-document inserts/s of a report-sized document into a scratch database, from {@code threads} clients. */
    static double storeInsertRate(String mongoUri, int documents, int threads) throws Exception {
        String database = "loadtest_" + UUID.randomUUID().toString().substring(0, 8);
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoCollection<Document> collection = client.getDatabase(database).getCollection("ceiling");
            String text = "x".repeat(800);
            long start = System.nanoTime();
            int inserted = inParallel(threads, documents, (thread, i) -> collection.insertOne(
                    new Document("_id", UUID.randomUUID().toString()).append("text", text).append("lat", -4.5)
                            .append("lon", 136.9).append("status", "SUBMITTED")));
            double rate = inserted / seconds(start);
            client.getDatabase(database).drop();
            return rate;
        }
    }

    @FunctionalInterface
    interface Send {
        void send(int thread, int index) throws Exception;
    }

    /** Runs {@code total} sends (messages, inserts) over {@code threads} threads, thread t every t-th; returns how many. */
    static int inParallel(int threads, int total, Send send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Integer> part = () -> {
                    int sent = 0;
                    for (int i = thread; i < total; i += threads) {
                        send.send(thread, i);
                        sent++;
                    }
                    return sent;
                };
                parts.add(pool.submit(part));
            }
            int sent = 0;
            for (Future<Integer> part : parts) {
                sent += part.get();
            }
            return sent;
        } finally {
            pool.shutdown();
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

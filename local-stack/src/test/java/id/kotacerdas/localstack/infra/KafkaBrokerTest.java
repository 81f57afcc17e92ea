package id.kotacerdas.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import id.kotacerdas.localstack.FreePorts;
import id.kotacerdas.localstack.process.ChildProcess;

class KafkaBrokerTest {

    @TempDir
    Path dir;

    /** The JVM refuses to start with two collectors, so this start also proves the serial one was left out. */
    @Test
    void aBrokerStartedFromTheJarsAsItsOwnJvmWithAnotherCollectorAcceptsARecordAndServesItToAConsumer() throws Exception {
        KafkaBroker broker = new KafkaBroker(new KafkaBroker.Settings(dir.resolve("kafka"), FreePorts.next(), FreePorts.next(),
                System.getProperty("java.class.path"), "256m", List.of("-XX:+UseParallelGC")));
        ChildProcess process = broker.start(dir.resolve("kafka.log"), dir.resolve("kafka.pid"));
        try {
            assertThat(process.pid()).isNotEqualTo(ProcessHandle.current().pid());
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> KafkaBroker.isReady(broker.bootstrapServers(), Duration.ofSeconds(2)));

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("city.reports.v1", "MMK-1", "{\"hello\":\"mimika\"}")).get();
            }
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("city.reports.v1"));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                    return !received.isEmpty();
                });
            }
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("MMK-1");
                assertThat(record.value()).isEqualTo("{\"hello\":\"mimika\"}");
            });
        } finally {
            process.stop(20);
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(dir.resolve("kafka.pid")).doesNotExist();
    }

    @Test
    void extraOptionsComeAfterTheSmallFootprintOnesSoTheyWin() {
        List<String> args = brokerWith(List.of("-XX:TieredStopAtLevel=4", "-Xmx1g")).jvmArgs();

        assertThat(args).containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4");
        assertThat(args).containsSubsequence("-Xmx256m", "-Xmx1g");
        assertThat(args).contains("-XX:+UseSerialGC");
    }

    @Test
    void aCollectorChosenInTheExtraOptionsReplacesTheSerialOne() {
        assertThat(brokerWith(List.of("-XX:+UseG1GC")).jvmArgs()).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
    }

    private KafkaBroker brokerWith(List<String> extraJvmOptions) {
        return new KafkaBroker(new KafkaBroker.Settings(dir.resolve("kafka"), 9092, 9093, "kafka.jar", "256m", extraJvmOptions));
    }
}

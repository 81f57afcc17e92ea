package id.kotacerdas.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A whole service against real infrastructure: a KRaft Kafka broker and a MongoDB-wire store, both
 * in-process, on a random HTTP port. Every published event is validated against its JSON Schema.
 * Test classes with the same configuration share one context (and so one broker), which keeps the suite fast.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 6)
@ContextConfiguration(initializers = EmbeddedMongoInitializer.class)
@TestPropertySource(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "kotacerdas.kafka.partitions=6",
        "kotacerdas.outbox.validate-schemas=true",
        "kotacerdas.outbox.sweep-interval=PT1S",
        "kotacerdas.consumer.initial-backoff=PT0.1S",
        "spring.kafka.consumer.properties.session.timeout.ms=10000",
        "spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
        "logging.structured.format.console="
})
public @interface ServiceTest {
}

package id.kotacerdas.support;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * The platform's defaults for every service, at the lowest precedence: a service's application.yml and
 * any environment variable override them. Infrastructure is found through {@code KAFKA_BOOTSTRAP_SERVERS}
 * and {@code MONGODB_URI}; each service keeps its own database, named after the service.
 */
public class ServiceDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}"),
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            Map.entry("spring.kafka.producer.properties.linger.ms", "5"),
            Map.entry("spring.kafka.producer.properties.delivery.timeout.ms", "60000"),
            Map.entry("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer"),
            Map.entry("spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.ByteArraySerializer"),
            Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer"),
            Map.entry("spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"),
            Map.entry("spring.kafka.consumer.properties.max.poll.interval.ms", "300000"),
            // one consumer works its partitions' records one after another, each waiting on a few store round trips:
            // at 80 reports/s routing's single consumer fell seconds behind; keys (report ids) keep their order
            Map.entry("spring.kafka.listener.concurrency", "${KAFKA_LISTENER_CONCURRENCY:3}"),
            Map.entry("spring.mongodb.uri", "${MONGODB_URI:mongodb://localhost:27017}"),
            Map.entry("spring.mongodb.database", "${MONGODB_DATABASE:${spring.application.name}}"),
            Map.entry("spring.data.mongodb.auto-index-creation", "true"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus,metrics"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.show-details", "always"),
            Map.entry("management.endpoint.health.group.readiness.include", "readinessState,mongo"),
            Map.entry("management.metrics.tags.application", "${spring.application.name}"),
            // a timer per driver command makes the driver decode every command and its reply a second time, a bulk
            // write of a whole batch included: per-message CPU in every service; the connection-pool metrics stay
            Map.entry("management.metrics.mongodb.command.enabled", "${MONGODB_COMMAND_METRICS:false}"),
            Map.entry("server.shutdown", "graceful"),
            Map.entry("spring.lifecycle.timeout-per-shutdown-phase", "20s"),
            Map.entry("logging.structured.format.console", "${LOG_FORMAT:ecs}"),
            Map.entry("server.error.include-stacktrace", "never"),
            Map.entry("spring.servlet.multipart.max-file-size", "5MB"),
            Map.entry("spring.servlet.multipart.max-request-size", "16MB"),
            Map.entry("kotacerdas.outbox.source", "/kota-cerdas/${spring.application.name}"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("kotaCerdasServiceDefaults", DEFAULTS));
    }
}

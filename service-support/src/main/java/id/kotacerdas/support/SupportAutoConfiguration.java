package id.kotacerdas.support;

import id.kotacerdas.contracts.Topics;
import id.kotacerdas.support.consumer.ProcessedEvents;
import id.kotacerdas.support.events.EventReader;
import id.kotacerdas.support.health.MongoPingHealthIndicator;
import id.kotacerdas.support.identity.CallerArgumentResolver;
import id.kotacerdas.support.kafka.DeadLetterConfiguration;
import id.kotacerdas.support.outbox.OutboxProperties;
import id.kotacerdas.support.outbox.OutboxRelay;
import id.kotacerdas.support.outbox.OutboxSaveListener;
import id.kotacerdas.support.outbox.StaleOutboxFilter;
import org.springframework.beans.factory.ObjectProvider;
import id.kotacerdas.support.problem.ProblemResponses;
import id.kotacerdas.support.web.RequestCorrelationFilter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Wires the shared mechanics into every service that has this library on its class path. */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
public class SupportAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
                            @Value("${kotacerdas.outbox.source}") String source, MeterRegistry meters) {
        return new OutboxRelay(mongo, kafka, properties, source, meters);
    }

    @Bean
    OutboxSaveListener outboxSaveListener(OutboxRelay relay) {
        return new OutboxSaveListener(relay);
    }

    @Bean
    StaleOutboxFilter staleOutboxFilter(ObjectProvider<MongoTemplate> mongo) {
        return new StaleOutboxFilter(mongo);
    }

    @Bean
    EventReader eventReader() {
        return new EventReader();
    }

    @Bean
    ProcessedEvents processedEvents(MongoTemplate mongo, MeterRegistry meters,
                                    @Value("${kotacerdas.processed-events.retention:P14D}") Duration retention) {
        return new ProcessedEvents(mongo, retention, meters);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, byte[]> kafka,
                                                 @Value("${kotacerdas.consumer.attempts:4}") int attempts,
                                                 @Value("${kotacerdas.consumer.initial-backoff:PT0.5S}") Duration backoff,
                                                 @Value("${kotacerdas.consumer.max-outage-backoff:PT10S}") Duration maxOutageBackoff) {
        return DeadLetterConfiguration.errorHandler(kafka, attempts, backoff, maxOutageBackoff);
    }

    /** Every topic and its dead-letter topic; creating an existing topic is a no-op. */
    @Bean
    KafkaAdmin.NewTopics platformTopics(@Value("${kotacerdas.kafka.partitions:12}") int partitions,
                                        @Value("${kotacerdas.kafka.replication-factor:1}") short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.all()) {
            topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicationFactor).build());
            topics.add(TopicBuilder.name(Topics.deadLetterOf(topic)).partitions(partitions).replicas(replicationFactor)
                    .build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * A reply that never comes (the embedded store can drop one under concurrent writes) must fail the call,
     * not hang a consumer or request thread forever. How long a call waits for an unreachable store before failing
     * is the driver's server selection timeout: {@code kotacerdas.mongodb.server-selection-timeout} when set, else
     * the connection string's or the driver's (30 s).
     */
    @Bean
    MongoClientSettingsBuilderCustomizer boundedMongoReads(
            @Value("${kotacerdas.mongodb.read-timeout:PT30S}") Duration readTimeout,
            @Value("${kotacerdas.mongodb.server-selection-timeout:#{null}}") Duration serverSelectionTimeout) {
        return settings -> {
            settings.applyToSocketSettings(socket -> socket.readTimeout(
                    (int) readTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
            if (serverSelectionTimeout != null) {
                settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        serverSelectionTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
            }
        };
    }

    /** Named so that Boot's own {@code hello}-based Mongo indicator steps aside. */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class WebSupport implements WebMvcConfigurer {

        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CallerArgumentResolver());
        }

        @Bean
        ProblemResponses problemResponses() {
            return new ProblemResponses();
        }

        @Bean
        FilterRegistrationBean<RequestCorrelationFilter> requestCorrelationFilter() {
            FilterRegistrationBean<RequestCorrelationFilter> registration =
                    new FilterRegistrationBean<>(new RequestCorrelationFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}

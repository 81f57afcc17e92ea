package id.kotacerdas.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.support.outbox.OutboxRelay;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** The hand-written mapping of deliveries stays what Spring Data writes and reads. */
class MappedDocumentsTest {

    private final MappingMongoConverter springData = converter();

    @Test
    void aNewDeliveryIsWrittenAsSpringDataWouldWriteIt() {
        Delivery queued = Delivery.queue(request(), Channel.SMS, List.of("key-phone", "key-email"), Instant.now());

        assertThat(MappedDocuments.of(queued)).isEqualTo(springDataDocument(queued));
    }

    @Test
    void aDeliveryWithAttemptsEventsAndEveryFieldSetReadsBackUnchanged() {
        Delivery delivery = Delivery.queue(request(), Channel.SMS, List.of("key-phone"), Instant.now());
        delivery.startSending("sender-1", Instant.now());
        delivery.sent("primary", 2, List.of("m1", "m2"), List.of(Attempt.of("primary", "accepted", "m1,m2")),
                Instant.now());
        delivery.failed("undelivered: UNDELIV", List.of(Attempt.of("primary", "receipt", "m2 UNDELIV")),
                Optional.of(Channel.EMAIL), Instant.now());

        Document mapped = MappedDocuments.of(delivery);

        assertThat(mapped).isEqualTo(springDataDocument(delivery));
        Delivery read = springData.read(Delivery.class, mapped);
        assertThat(MappedDocuments.of(read)).isEqualTo(mapped);
        assertThat(read.attempts()).extracting(Attempt::outcome).containsExactly("started", "accepted", "receipt");
        assertThat(read.pendingEvents()).hasSize(1);
        assertThat(read.providerMessageIds()).containsExactly("m1", "m2");
        assertThat(read.fellBackTo()).isEqualTo(Channel.EMAIL);
        assertThat(read.sendingBy()).isEqualTo("sender-1");
    }

    @Test
    void writesThatAddEventsFlagTheDocumentForTheOutboxSweep() {
        Delivery delivery = Delivery.queue(request(), Channel.SMS, List.of("key-phone"), Instant.now());
        DeliveryChange started = delivery.startSending("sender-1", Instant.now());
        DeliveryChange sent = delivery.sent("primary", 1, List.of("m1"), List.of(Attempt.of("primary", "accepted", "m1")),
                Instant.now());

        assertThat(started.update().get("$set", Document.class)).doesNotContainKey(OutboxRelay.PENDING);
        assertThat(sent.update().get("$set", Document.class).getBoolean(OutboxRelay.PENDING)).isTrue();
        assertThat(delivery.pendingEvents()).isNotEmpty();
        assertThat(MappedDocuments.of(delivery).getBoolean(OutboxRelay.PENDING)).isTrue();
    }

    @Test
    void aChangeThatAddsEventsLeasesTheDeliveryToTheRelayInTheSameWriteAndOneWithoutEventsDoesNot() {
        Delivery delivery = Delivery.queue(request(), Channel.SMS, List.of("key-phone"), Instant.now());
        Document lease = new Document("outboxLeaseUntil", new java.util.Date()).append("outboxLeaseOwner", "relay-1/a");
        DeliveryChange started = delivery.startSending("sender-1", Instant.now()).leasedWith(lease);
        DeliveryChange sent = delivery.sent("primary", 1, List.of("m1"), List.of(Attempt.of("primary", "accepted", "m1")),
                Instant.now()).leasedWith(lease);

        assertThat(started.update().get("$set", Document.class)).doesNotContainKeys("outboxLeaseOwner", "outboxLeaseUntil");
        assertThat(sent.update().get("$set", Document.class)).containsEntry("outboxLeaseOwner", "relay-1/a")
                .containsKey("outboxLeaseUntil");
    }

    private Document springDataDocument(Delivery delivery) {
        Document written = new Document();
        springData.write(delivery, written);
        written.remove("_class");
        return written;
    }

    private static NotificationRequested request() {
        return new NotificationRequested("request-1", new Recipient("Siti", "+6281200000001", "siti@example.org"),
                List.of(Channel.SMS, Channel.EMAIL), NotificationTemplates.REPORT_CLOSED, "id",
                Map.of("trackingNumber", "MMK-2026-000001"), NotificationPriority.CRITICAL, null, "test", Instant.now());
    }

    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}

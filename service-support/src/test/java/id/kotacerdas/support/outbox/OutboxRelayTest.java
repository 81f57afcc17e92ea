package id.kotacerdas.support.outbox;

import com.mongodb.client.model.Filters;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.report.ReportEvents;
import id.kotacerdas.testing.RecordedTopics;
import id.kotacerdas.testing.ServiceTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static id.kotacerdas.testing.RecordedTopics.header;
import static id.kotacerdas.testing.RecordedTopics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceTest
class OutboxRelayTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    OutboxRelay runningRelay;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    RecordedTopics reports;

    @BeforeEach
    void recordReports() {
        reports = RecordedTopics.of(brokers, Topics.REPORTS);
    }

    @AfterEach
    void stopRecording() throws InterruptedException {
        reports.close();
    }

    @Test
    void savedEventsArriveWithCloudEventsHeadersAndLeaveTheOutbox() {
        String id = UUID.randomUUID().toString();
        mongo.save(Parcel.submitted(id));

        ConsumerRecord<String, byte[]> record = reports.await(r -> id.equals(r.key()), Duration.ofSeconds(20));
        assertThat(header(record, "ce_type")).isEqualTo(ReportEvents.SUBMITTED.type());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_source")).isEqualTo("/kota-cerdas/support-test");
        assertThat(header(record, "ce_subject")).isEqualTo(id);
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(value(record)).contains("\"reportId\":\"" + id + "\"").doesNotContain("id.kotacerdas");
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(id, Parcel.class).pendingEvents().isEmpty());
    }

    @Test
    void eventsWrittenBeforeACrashArePublishedAfterRestart() throws Exception {
        String id = UUID.randomUUID().toString();
        runningRelay.stop();
        try {
            // the service "dies" right after the write: no relay saw this document
            mongo.getCollection("parcels").insertOne(toDocument(Parcel.submitted(id).update("more")));
            Thread.sleep(1500);
            assertThat(reports.all()).noneMatch(r -> id.equals(r.key()));

            try (var restarted = new RelayInstance(mongo, kafka)) {
                restarted.relay.start();
                List<ConsumerRecord<String, byte[]>> arrived = awaitEvents(id, 2);
                assertThat(arrived).extracting(r -> header(r, "ce_type"))
                        .containsExactly(ReportEvents.SUBMITTED.type(), ReportEvents.UPDATED.type());
            }
        } finally {
            runningRelay.start();
        }
    }

    @Test
    void savingAnAggregateDuringAnotherRelaysLeaseDoesNotHoldUpItsEvents() {
        String id = UUID.randomUUID().toString();
        org.bson.Document leased = toDocument(Parcel.submitted(id));
        leased.put("outboxLeaseUntil", java.util.Date.from(java.time.Instant.now().plus(Duration.ofMinutes(10))));
        leased.put("outboxLeaseOwner", "a relay that died while publishing");
        mongo.getCollection("parcels").insertOne(leased);

        mongo.save(mongo.findById(id, Parcel.class).update("after the crash"));

        List<ConsumerRecord<String, byte[]>> arrived = awaitEvents(id, 2);
        assertThat(arrived).extracting(r -> header(r, "ce_type"))
                .containsExactly(ReportEvents.SUBMITTED.type(), ReportEvents.UPDATED.type());
    }

    @Test
    void savingACopyLoadedBeforeItsEventsWerePublishedDoesNotPublishThemAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        mongo.save(Parcel.submitted(id));
        Parcel staleCopy = mongo.findById(id, Parcel.class);
        awaitEvents(id, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(id, Parcel.class).pendingEvents().isEmpty());

        mongo.save(staleCopy.update("later"));

        awaitEvents(id, 2);
        Thread.sleep(1500); // a repeat of the first event would arrive now
        assertThat(reports.all().stream().filter(r -> id.equals(r.key()))).extracting(r -> header(r, "ce_type"))
                .containsExactly(ReportEvents.SUBMITTED.type(), ReportEvents.UPDATED.type());
    }

    @Test
    void eventsOfOneAggregateArriveInTheOrderTheyWereRaised() {
        String id = UUID.randomUUID().toString();
        Parcel parcel = Parcel.submitted(id);
        for (int i = 0; i < 20; i++) {
            parcel.update("update " + i);
        }
        mongo.save(parcel);

        List<ConsumerRecord<String, byte[]>> arrived = awaitEvents(id, 21);
        assertThat(arrived.subList(1, 21)).extracting(RecordedTopics::value)
                .allSatisfy(json -> assertThat(json).contains("update "));
        for (int i = 0; i < 20; i++) {
            assertThat(value(arrived.get(i + 1))).contains("\"update " + i + "\"");
        }
    }

    @Test
    void twoRelaysRacingPublishEachEventOnce() throws Exception {
        runningRelay.stop();
        try {
            List<String> ids = submittedWithoutRelay(300);

            try (var first = new RelayInstance(mongo, kafka); var second = new RelayInstance(mongo, kafka)) {
                race(first, second, OutboxRelay::sweep);
                first.relay.start();
                second.relay.start();
                await().atMost(Duration.ofSeconds(60)).until(() -> reports.all().stream()
                        .filter(r -> ids.contains(r.key())).count() >= ids.size());
                Thread.sleep(1500); // a duplicate would arrive now
            }
            assertEachEventArrivedOnce(ids);
        } finally {
            runningRelay.start();
        }
    }

    @Test
    void twoRelaysRacingOneDocumentAtATimePublishEachEventOnce() throws Exception {
        runningRelay.stop();
        try {
            List<String> ids = submittedWithoutRelay(200);

            try (var first = new RelayInstance(mongo, kafka); var second = new RelayInstance(mongo, kafka)) {
                race(first, second, relay -> {
                    for (String id : ids) {
                        relay.relay(List.of(new OutboxRelay.PendingDocument("parcels", id)));
                    }
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> reports.all().stream()
                        .filter(r -> ids.contains(r.key())).count() >= ids.size());
                Thread.sleep(1500); // a duplicate would arrive now
            }
            assertEachEventArrivedOnce(ids);
            assertThat(ids).allSatisfy(id -> assertThat(mongo.findById(id, Parcel.class).pendingEvents()).isEmpty());
        } finally {
            runningRelay.start();
        }
    }

    @Test
    void afterItsFirstSweepARelayFindsLeftEventsByTheirFlagAndUnflagsEmptiedDocuments() throws Exception {
        runningRelay.stop();
        try (var relay = new RelayInstance(mongo, kafka)) {
            relay.relay.sweep();
            // written by an instance that died before relaying them: only a sweep can find these
            String flagged = UUID.randomUUID().toString();
            org.bson.Document withFlag = toDocument(Parcel.submitted(flagged));
            assertThat(withFlag.getBoolean(OutboxRelay.PENDING)).isTrue();
            mongo.getCollection("parcels").insertOne(withFlag);
            String unflagged = UUID.randomUUID().toString();
            org.bson.Document olderWriter = toDocument(Parcel.submitted(unflagged));
            olderWriter.remove(OutboxRelay.PENDING);
            mongo.getCollection("parcels").insertOne(olderWriter);
            String emptied = UUID.randomUUID().toString();
            mongo.getCollection("parcels").insertOne(new org.bson.Document("_id", emptied).append("outbox", List.of())
                    .append(OutboxRelay.PENDING, true));

            relay.relay.sweep();
            relay.relay.start();

            awaitEvents(flagged, 1);
            assertThat(stored(emptied)).doesNotContainKey(OutboxRelay.PENDING);
            await().atMost(Duration.ofSeconds(10)).until(() -> !stored(flagged).containsKey(OutboxRelay.PENDING));
            Thread.sleep(1500); // the relay swept several times meanwhile
            assertThat(reports.all()).noneMatch(r -> unflagged.equals(r.key()));

            // a relay's first sweep still reads every document: events written before the flag existed go out
            try (var restarted = new RelayInstance(mongo, kafka)) {
                restarted.relay.start();
                awaitEvents(unflagged, 1);
            }
        } finally {
            runningRelay.start();
        }
    }

    @Test
    void aRelayedDocumentLeavesItsOutboxEmptyAndUnflaggedWithoutASweep() throws Exception {
        runningRelay.stop();
        try (var relay = new RelayInstance(mongo, kafka)) {
            List<String> batch = submittedWithoutRelay(3);
            String single = submittedWithoutRelay(1).get(0);

            relay.relay.relay(batch.stream().<OutboxRelay.PendingDocument>map(id -> new OutboxRelay.PendingDocument("parcels", id)).toList());
            relay.relay.relay(List.of(new OutboxRelay.PendingDocument("parcels", single)));

            for (String id : concat(batch, single)) {
                awaitEvents(id, 1);
                assertThat(stored(id).getList("outbox", Object.class)).isEmpty();
                assertThat(stored(id)).doesNotContainKeys(OutboxRelay.PENDING, "outboxLeaseUntil", "outboxLeaseOwner");
            }
            assertEachEventArrivedOnce(concat(batch, single));
        } finally {
            runningRelay.start();
        }
    }

    @Test
    void anEventRaisedWhileOthersWereSentStaysPendingAndFlagged() throws Exception {
        runningRelay.stop();
        String id = submittedWithoutRelay(1).get(0);
        String sibling = submittedWithoutRelay(1).get(0);
        AtomicBoolean written = new AtomicBoolean();
        // the service saves the aggregate with a new event while the relay sends the one it read
        KafkaTemplate<String, byte[]> writingWhileSending = new KafkaTemplate<>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
                if (id.equals(record.key()) && written.compareAndSet(false, true)) {
                    mongo.save(mongo.findById(id, Parcel.class).update("while sending"));
                }
                return super.send(record);
            }
        };
        try (var relay = new RelayInstance(mongo, writingWhileSending)) {
            relay.relay.relay(List.of(new OutboxRelay.PendingDocument("parcels", id), new OutboxRelay.PendingDocument("parcels", sibling)));

            assertThat(written).isTrue();
            org.bson.Document left = stored(id);
            assertThat(left.getList("outbox", org.bson.Document.class)).extracting(e -> e.getString("type"))
                    .containsExactly(ReportEvents.UPDATED.type());
            assertThat(left.getBoolean(OutboxRelay.PENDING)).isTrue();
            assertThat(stored(sibling).getList("outbox", Object.class)).isEmpty();
            assertThat(stored(sibling)).doesNotContainKey(OutboxRelay.PENDING);
        } finally {
            runningRelay.start();
        }
        awaitEvents(id, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> !stored(id).containsKey(OutboxRelay.PENDING));
    }

    @Test
    void aSaveLeasesItsDocumentToTheRelayThatThenPublishesItWithoutAClaimWhileOtherRelaysLeaveItAlone()
            throws Exception {
        runningRelay.stop();
        String id = UUID.randomUUID().toString();
        try (var other = new RelayInstance(mongo, kafka)) {
            mongo.save(Parcel.submitted(id));
            assertThat(stored(id).getString("outboxLeaseOwner")).as("leased by the save itself").isNotNull();
            assertThat(stored(id).getDate("outboxLeaseUntil")).isInTheFuture();

            // a claim finds the lease in force: a sweeping relay leaves the document to the save's relay
            other.relay.sweep();
            other.relay.relay(List.of(new OutboxRelay.PendingDocument("parcels", id)));
            Thread.sleep(1500); // an event sent would arrive now
            assertThat(reports.all()).noneMatch(r -> id.equals(r.key()));

            // the service's own relay, whose lease the save wrote
            runningRelay.relay(List.of(new OutboxRelay.PendingDocument("parcels", id, true)));
            awaitEvents(id, 1);
            assertThat(stored(id).getList("outbox", Object.class)).isEmpty();
            assertThat(stored(id)).doesNotContainKeys(OutboxRelay.PENDING, "outboxLeaseUntil", "outboxLeaseOwner");
        } finally {
            runningRelay.start();
        }
        Thread.sleep(1500); // the restarted relay had the save queued: a repeat would arrive now
        assertEachEventArrivedOnce(List.of(id));
    }

    @Test
    void savedDocumentsWhoseLeaseWasDroppedAreClaimedAndThoseAnotherRelayHoldsAreLeftToIt() throws Exception {
        runningRelay.stop();
        try {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(UUID.randomUUID().toString());
                mongo.save(Parcel.submitted(ids.get(i)));
            }
            String intact = ids.get(0);
            String dropped = ids.get(1);
            String heldByAnother = ids.get(2);
            // a relay that removed sent events meanwhile released the lease; another relay took over the third
            mongo.getCollection("parcels").updateOne(Filters.eq("_id", dropped), new org.bson.Document("$unset",
                    new org.bson.Document("outboxLeaseOwner", "").append("outboxLeaseUntil", "")));
            mongo.getCollection("parcels").updateOne(Filters.eq("_id", heldByAnother), new org.bson.Document("$set",
                    new org.bson.Document("outboxLeaseOwner", "another relay")));

            runningRelay.relay(ids.stream().map(id -> new OutboxRelay.PendingDocument("parcels", id, true)).toList());
            awaitEvents(intact, 1);
            assertThat(reports.all()).noneMatch(r -> dropped.equals(r.key()));
            runningRelay.start(); // the dropped one was queued again, to be claimed
            awaitEvents(dropped, 1);
            Thread.sleep(1500); // the held one would arrive now
            assertThat(reports.all()).noneMatch(r -> heldByAnother.equals(r.key()));
            assertEachEventArrivedOnce(List.of(intact, dropped));
            assertThat(stored(heldByAnother).getList("outbox", Object.class)).hasSize(1);
        } finally {
            if (!runningRelay.isRunning()) {
                runningRelay.start();
            }
        }
    }

    @Test
    void aRelaysOwnSweepPublishesADocumentWrittenWithItsLeaseWithoutWaitingForTheLeaseToRunOut() {
        runningRelay.stop();
        String id = UUID.randomUUID().toString();
        try {
            // written with the relay's lease, but the relay was never told (a lost wake-up)
            org.bson.Document written = toDocument(Parcel.submitted(id));
            written.putAll(runningRelay.newLease());
            mongo.getCollection("parcels").insertOne(written);

            runningRelay.sweep();
            runningRelay.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> reports.all().stream().anyMatch(r -> id.equals(r.key())));
        } finally {
            if (!runningRelay.isRunning()) {
                runningRelay.start();
            }
        }
    }

    private static List<String> concat(List<String> ids, String id) {
        List<String> all = new ArrayList<>(ids);
        all.add(id);
        return all;
    }

    private org.bson.Document stored(String id) {
        return mongo.getCollection("parcels").find(Filters.eq("_id", id)).first();
    }

    /** Runs {@code work} on both relays at the same moment, on two threads, and waits for both. */
    private static void race(RelayInstance first, RelayInstance second, RelayWork work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> races = new ArrayList<>();
            for (RelayInstance racer : List.of(first, second)) {
                races.add(racers.submit(() -> {
                    start.await();
                    work.on(racer.relay);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> race : races) {
                race.get(60, TimeUnit.SECONDS);
            }
        } finally {
            racers.shutdown();
        }
    }

    interface RelayWork {
        void on(OutboxRelay relay) throws Exception;
    }

    /** Parcels with one pending event each, inserted directly so that no relay is told of them. */
    private List<String> submittedWithoutRelay(int count) {
        List<String> ids = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID().toString()).toList();
        ids.forEach(id -> mongo.getCollection("parcels").insertOne(toDocument(Parcel.submitted(id))));
        return ids;
    }

    private void assertEachEventArrivedOnce(List<String> ids) {
        Map<String, Long> perEvent = reports.all().stream().filter(r -> ids.contains(r.key()))
                .collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
        assertThat(perEvent).hasSize(ids.size());
        assertThat(perEvent.values()).allMatch(count -> count == 1);
    }

    private org.bson.Document toDocument(Parcel parcel) {
        org.bson.Document document = new org.bson.Document();
        mongo.getConverter().write(parcel, document);
        return document;
    }

    private List<ConsumerRecord<String, byte[]>> awaitEvents(String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> reports.all().stream().filter(r -> key.equals(r.key())).count() >= count);
        return reports.all().stream().filter(r -> key.equals(r.key())).toList();
    }

    /** A second service instance's relay, as after a restart or when scaled out. */
    static final class RelayInstance implements AutoCloseable {
        final OutboxRelay relay;

        RelayInstance(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka) {
            relay = new OutboxRelay(mongo, kafka, new OutboxProperties(List.of("parcels"), Duration.ofSeconds(30),
                    Duration.ofMillis(200), 50, Duration.ofSeconds(15), true), "/kota-cerdas/support-test",
                    new SimpleMeterRegistry());
        }

        @Override
        public void close() {
            if (relay.isRunning()) {
                relay.stop();
            }
        }
    }
}

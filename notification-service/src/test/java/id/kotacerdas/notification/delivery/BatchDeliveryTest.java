package id.kotacerdas.notification.delivery;

import static id.kotacerdas.testing.RecordedTopics.header;
import static id.kotacerdas.testing.RecordedTopics.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.contracts.EventCatalog;
import id.kotacerdas.contracts.EventJson;
import id.kotacerdas.contracts.Topics;
import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationEvents;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.notification.NotificationServiceTestBase;
import id.kotacerdas.notification.recipient.OptOuts;
import id.kotacerdas.notification.template.RenderedMessage;
import id.kotacerdas.notification.template.TemplateCatalog;
import id.kotacerdas.support.events.EventEnvelope;
import id.kotacerdas.testing.RecordedTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The batched paths: intake of a whole poll, dispatch batches, and two instances competing for the same work. */
class BatchDeliveryTest extends NotificationServiceTestBase {

    private static final int SYSTEM_ERROR = 0x08;
    private static final Duration LINGER = Duration.ofMillis(5);
    /** Pipelines under test only send what they are offered; this instance's own sweep finds the rest. */
    private static final ChannelPipeline.Backlog NO_BACKLOG = limit -> List.of();

    @Autowired
    DeliveryIntake intake;
    @Autowired
    DeliveryStore store;
    @Autowired
    SendPreparation preparation;
    @Autowired
    SendSettlement settlement;
    @Autowired
    List<ChannelSender> senders;
    @Autowired
    TemplateCatalog templates;
    @Autowired
    OptOuts optOuts;
    @Autowired
    ReceiptProcessor receipts;

    @Test
    void aRequestRepeatedWithinABatchAndInALaterBatchIsSentOnce() {
        String firstPhone = newPhone();
        String secondPhone = newPhone();
        NotificationRequested first = smsRequest(newRequestId(), firstPhone);
        NotificationRequested second = smsRequest(newRequestId(), secondPhone);

        assertThat(intake.acceptAll(List.of(first, second, first))).isEqualTo(2);
        assertThat(intake.acceptAll(List.of(second, first))).isZero();
        publish(first);

        await().atMost(Duration.ofSeconds(60)).until(() -> !smsTo(firstPhone).isEmpty() && !smsTo(secondPhone).isEmpty());
        notifications.awaitType(NotificationEvents.DELIVERED.type(), json -> json.contains(second.requestId()),
                Duration.ofSeconds(60));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> smsTo(firstPhone).size() == 1 && smsTo(secondPhone).size() == 1);
        assertThat(distinctEventIds(NotificationEvents.SENT.type(), first.requestId())).isEqualTo(1);
        assertThat(distinctEventIds(NotificationEvents.SENT.type(), second.requestId())).isEqualTo(1);
    }

    @Test
    void aPollWithRepeatsAndABrokenRequestInTheMiddleQueuesEveryGoodRequestOnce() throws Exception {
        List<NotificationRequested> good = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            good.add(smsRequest(newRequestId(), newPhone()));
        }
        String brokenId = newRequestId();
        NotificationRequested broken = new NotificationRequested(brokenId, new Recipient("Tanpa Templat", newPhone(), null),
                List.of(Channel.SMS), null, "id", Map.of(), NotificationPriority.NORMAL, null, "test", Instant.now());
        List<NotificationRequested> poll = new ArrayList<>(good.subList(0, 4));
        poll.add(good.get(1));
        poll.add(broken);
        poll.addAll(good.subList(4, 8));
        poll.add(good.get(6));

        try (RecordedTopics deadLetters = RecordedTopics.of(brokers, Topics.deadLetterOf(Topics.NOTIFICATION_REQUESTS))) {
            publishTogether(poll);

            deadLetters.await(r -> brokenId.equals(r.key()), Duration.ofSeconds(60));
            for (NotificationRequested request : good) {
                notifications.awaitType(NotificationEvents.DELIVERED.type(), json -> json.contains(request.requestId()),
                        Duration.ofSeconds(60));
            }
        }
        for (NotificationRequested request : good) {
            assertThat(smsTo(request.recipient().phone())).hasSize(1);
        }
        assertThat(store.byRequestId(brokenId)).isEmpty();
    }

    @Test
    void aBatchWhoseSmscsFailHalfWayEndsEveryDeliveryInARightStateAndEachRequestIsSentOnce() {
        int count = 12;
        int acceptedBeforeFailure = count / 2;
        List<NotificationRequested> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(request(newRequestId(), new Recipient("Warga " + i, newPhone(), "half-" + UUID.randomUUID()
                    + "@example.org"), List.of(Channel.SMS, Channel.EMAIL), NotificationTemplates.REPORT_CLOSED, "id",
                    Map.of("trackingNumber", "MMK-2026-" + i), NotificationPriority.NORMAL));
        }
        ChannelSender failingHalfWay = new SmsFailingAfter(sender(Channel.SMS), acceptedBeforeFailure);
        ChannelPipeline pipeline = new ChannelPipeline("test-half-way", failingHalfWay, 4, 100, LINGER, preparation,
                settlement, NO_BACKLOG);
        pipeline.start();
        try {
            queueDirectly(requests).forEach(pipeline::offer);

            for (NotificationRequested request : requests) {
                Delivery sms = await().atMost(Duration.ofSeconds(60)).until(
                        () -> store.find(Delivery.idOf(request.requestId(), Channel.SMS)).orElseThrow(),
                        d -> d.state() == DeliveryState.DELIVERED || d.state() == DeliveryState.FAILED);
                if (sms.state() == DeliveryState.FAILED) {
                    assertThat(sms.failureReason()).isEqualTo("all-sms-providers-failed");
                    assertThat(sms.fellBackTo()).isEqualTo(Channel.EMAIL);
                    await().atMost(Duration.ofSeconds(60)).until(() -> mailTo(request.recipient().email()).size() == 1);
                }
            }
        } finally {
            pipeline.stop();
        }
        List<Delivery> smsDeliveries = requests.stream()
                .map(r -> store.find(Delivery.idOf(r.requestId(), Channel.SMS)).orElseThrow()).toList();
        // this instance's sweep may take one of them first, through the normal pipeline: the split can move by that
        assertThat(smsDeliveries).filteredOn(d -> d.state() == DeliveryState.DELIVERED).isNotEmpty();
        assertThat(smsDeliveries).filteredOn(d -> d.state() == DeliveryState.FAILED).isNotEmpty();
        for (NotificationRequested request : requests) {
            int messages = smsTo(request.recipient().phone()).size() + mailTo(request.recipient().email()).size();
            assertThat(messages).as("messages for %s", request.requestId()).isEqualTo(1);
            assertThat(distinctEventIds(NotificationEvents.FAILED.type(), request.requestId())).isZero();
        }
    }

    @Test
    void twoInstancesGivenTheSameDeliveriesSendEachOnce() {
        List<NotificationRequested> requests = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            requests.add(smsRequest(newRequestId(), newPhone()));
        }
        ChannelPipeline one = new ChannelPipeline("test-instance-one", sender(Channel.SMS), 8, 100, LINGER,
                preparation, settlement, NO_BACKLOG);
        ChannelPipeline other = new ChannelPipeline("test-instance-two", sender(Channel.SMS), 8, 100, LINGER,
                preparation, settlement, NO_BACKLOG);
        one.start();
        other.start();
        try {
            List<Delivery> queued = queueDirectly(requests);
            // what each instance read from the database: separate copies of the same QUEUED deliveries
            List<Delivery> otherCopies = queued.stream().map(d -> store.find(d.id()).orElseThrow()).toList();
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> queued.forEach(one::offer)),
                    CompletableFuture.runAsync(() -> otherCopies.forEach(other::offer))).join();

            for (NotificationRequested request : requests) {
                notifications.awaitType(NotificationEvents.DELIVERED.type(), json -> json.contains(request.requestId()),
                        Duration.ofSeconds(60));
            }
        } finally {
            one.stop();
            other.stop();
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                requests.stream().allMatch(r -> smsTo(r.recipient().phone()).size() == 1));
        for (NotificationRequested request : requests) {
            assertThat(distinctEventIds(NotificationEvents.SENT.type(), request.requestId())).isEqualTo(1);
            assertThat(distinctEventIds(NotificationEvents.DELIVERED.type(), request.requestId())).isEqualTo(1);
            Delivery delivery = store.find(Delivery.idOf(request.requestId(), Channel.SMS)).orElseThrow();
            assertThat(delivery.attempts()).extracting(Attempt::outcome).containsExactly("started", "accepted", "receipt");
        }
    }

    @Test
    void receiptsForMessagesThisInstanceDidNotSendFindTheirDeliveriesByTheirMessageIds() {
        // sent before a restart, or by another instance: this instance has them in the database only
        Delivery single = queueDirectly(List.of(smsRequest(newRequestId(), newPhone()))).get(0);
        Delivery concatenated = queueDirectly(List.of(smsRequest(newRequestId(), newPhone()))).get(0);
        String only = "elsewhere-" + UUID.randomUUID();
        List<String> parts = List.of("elsewhere-" + UUID.randomUUID(), "elsewhere-" + UUID.randomUUID());
        sentElsewhere(single, List.of(only));
        sentElsewhere(concatenated, parts);

        receipts.onReceipt(only, true, "DELIVRD");
        receipts.onReceipt(parts.get(1), true, "DELIVRD");
        receipts.onReceipt(parts.get(0), true, "DELIVRD");

        assertThat(store.find(single.id()).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
        Delivery both = store.find(concatenated.id()).orElseThrow();
        assertThat(both.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(both.attempts()).extracting(Attempt::outcome).containsExactly("started", "accepted", "receipt",
                "receipt");
        for (Delivery delivery : List.of(single, concatenated)) {
            notifications.awaitType(NotificationEvents.DELIVERED.type(), json -> json.contains(delivery.requestId()),
                    Duration.ofSeconds(30));
        }
    }

    private void sentElsewhere(Delivery delivery, List<String> messageIds) {
        Instant now = Instant.now();
        assertThat(store.apply(delivery.startSending("another-instance", now))).isTrue();
        assertThat(store.apply(delivery.sent("smsc-elsewhere", messageIds.size(), messageIds,
                List.of(Attempt.of("smsc-elsewhere", "accepted", String.join(",", messageIds))), now))).isTrue();
    }

    @Test
    void aBurstLargerThanTheQueueIsFetchedFromTheDatabaseAsTheQueueEmptiesNotLeftForTheSweep() {
        // due in half an hour: this instance's sweep leaves them alone, the pipeline under test lives an hour ahead
        Instant dueAt = Instant.now().plus(Duration.ofMinutes(30));
        Clock anHourAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        List<NotificationRequested> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(new NotificationRequested(newRequestId(), new Recipient("Warga " + i, newPhone(), null),
                    List.of(Channel.SMS), NotificationTemplates.REPORT_CLOSED, "id",
                    Map.of("trackingNumber", "MMK-2026-" + i), NotificationPriority.NORMAL, dueAt, "test", Instant.now()));
        }
        CountingSender counting = new CountingSender(sender(Channel.SMS));
        int queueCapacity = 4;
        ChannelPipeline pipeline = new ChannelPipeline("test-backlog", counting, 2, queueCapacity, LINGER,
                new SendPreparation(templates, optOuts, store, intake, anHourAhead), settlement,
                limit -> store.dueQueued(Channel.SMS, anHourAhead.instant(), limit));
        pipeline.start();
        try {
            // the queue and the send slots take a few at once; the rest are refused and stay QUEUED
            long taken = queueDirectly(requests).stream().filter(pipeline::offer).count();
            assertThat(taken).isLessThan(requests.size() / 2);

            for (NotificationRequested request : requests) {
                notifications.awaitType(NotificationEvents.DELIVERED.type(), json -> json.contains(request.requestId()),
                        Duration.ofSeconds(60));
            }
        } finally {
            pipeline.stop();
        }
        assertThat(counting.sends()).isEqualTo(requests.size());
        for (NotificationRequested request : requests) {
            assertThat(smsTo(request.recipient().phone())).hasSize(1);
        }
    }

    /** Inserts QUEUED SMS deliveries the way intake does, but without handing them to this instance's dispatcher. */
    private List<Delivery> queueDirectly(List<NotificationRequested> requests) {
        Instant now = Instant.now();
        List<Delivery> deliveries = requests.stream().map(r -> Delivery.queue(r, Channel.SMS, List.of(), now)).toList();
        assertThat(store.insertAllIfAbsent(deliveries).inserted()).hasSize(deliveries.size());
        return deliveries;
    }

    private ChannelSender sender(Channel channel) {
        return senders.stream().filter(s -> s.channel() == channel).findFirst().orElseThrow();
    }

    private void publishTogether(List<NotificationRequested> requests) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (NotificationRequested request : requests) {
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/kota-cerdas/test",
                    EventCatalog.forEvent(request).type(), request.requestId(), Instant.now(), null,
                    EventJson.write(request));
            sent.add(kafka.send(envelope.toRecord(Topics.NOTIFICATION_REQUESTS)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    private long distinctEventIds(String type, String requestId) {
        return notifications.ofType(type).stream().filter(r -> value(r).contains(requestId))
                .map(r -> header(r, "ce_id")).distinct().count();
    }

    private static NotificationRequested smsRequest(String requestId, String phone) {
        return request(requestId, new Recipient("Warga", phone, null), List.of(Channel.SMS),
                NotificationTemplates.REPORT_CLOSED, "id", Map.of("trackingNumber", "MMK-2026-000800"),
                NotificationPriority.NORMAL);
    }

    /** A real sender with something added around its sends. */
    private abstract static class ForwardingSender implements ChannelSender {

        protected final ChannelSender delegate;

        ForwardingSender(ChannelSender delegate) {
            this.delegate = delegate;
        }

        @Override
        public Channel channel() {
            return delegate.channel();
        }

        @Override
        public boolean hasAddress(Delivery delivery) {
            return delegate.hasAddress(delivery);
        }
    }

    /** The real sender, counting its sends. */
    private static final class CountingSender extends ForwardingSender {

        private final AtomicInteger sends = new AtomicInteger();

        CountingSender(ChannelSender delegate) {
            super(delegate);
        }

        int sends() {
            return sends.get();
        }

        @Override
        public SendOutcome send(Delivery delivery, RenderedMessage message) {
            sends.incrementAndGet();
            return delegate.send(delivery, message);
        }
    }

    /**
     * The real SMS sender, whose SMSCs both start refusing (system error) once {@code accepted} messages went
     * through: the first ones are sent, every later one is refused by both providers.
     */
    private static final class SmsFailingAfter extends ForwardingSender {

        private final int accepted;
        private final AtomicInteger calls = new AtomicInteger();
        private final CountDownLatch firstOnesDone;

        SmsFailingAfter(ChannelSender delegate, int accepted) {
            super(delegate);
            this.accepted = accepted;
            this.firstOnesDone = new CountDownLatch(accepted);
        }

        @Override
        public SendOutcome send(Delivery delivery, RenderedMessage message) {
            int call = calls.incrementAndGet();
            if (call <= accepted) {
                try {
                    return delegate.send(delivery, message);
                } finally {
                    firstOnesDone.countDown();
                }
            }
            try {
                assertThat(firstOnesDone.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            PRIMARY.failWith(SYSTEM_ERROR);
            SECONDARY.failWith(SYSTEM_ERROR);
            return delegate.send(delivery, message);
        }
    }
}

package id.kotacerdas.smsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmscSimulatorTest {

    private SmscSimulator smsc;
    private SMPPSession client;
    private final List<DeliverSm> delivered = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        smsc = SmscSimulator.start(SmscConfig.of("kota", "secret").withReceiptDelay(Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.unbindAndClose();
        }
        smsc.stop();
    }

    @Test
    void aSubmittedMessageIsKeptAndReceiptedWithItsMessageId() throws Exception {
        client = bind(BindType.BIND_TRX);

        String messageId = submit("62811000111", "Laporan Anda MMK-0001 diterima {ok}", GeneralDataCoding.DEFAULT,
                new ESMClass(), Gsm7.encode("Laporan Anda MMK-0001 diterima {ok}"), true);

        ReceivedSms sms = smsc.received().get(0);
        assertThat(sms.text()).isEqualTo("Laporan Anda MMK-0001 diterima {ok}");
        assertThat(sms.to()).isEqualTo("62811000111");
        assertThat(sms.messageId()).isEqualTo(messageId);
        assertThat(sms.parts()).isEqualTo(1);
        assertThat(sms.isUcs2()).isFalse();
        awaitUntil(() -> !delivered.isEmpty());
        DeliverSm receipt = delivered.get(0);
        assertThat(receipt.isSmscDeliveryReceipt()).isTrue();
        assertThat(receipt.getShortMessageAsDeliveryReceipt().getId()).isEqualTo(messageId);
        assertThat(new String(receipt.getShortMessage(), StandardCharsets.US_ASCII)).contains("stat:DELIVRD");
    }

    @Test
    void noReceiptIsSentWhenNoneWasAskedFor() throws Exception {
        client = bind(BindType.BIND_TRX);

        submit("62811000222", "tanpa tanda terima", GeneralDataCoding.DEFAULT, new ESMClass(),
                Gsm7.encode("tanpa tanda terima"), false);
        submit("62811000222", "dengan tanda terima", GeneralDataCoding.DEFAULT, new ESMClass(),
                Gsm7.encode("dengan tanda terima"), true);

        awaitUntil(() -> !delivered.isEmpty());
        Thread.sleep(200);
        assertThat(delivered).hasSize(1);
    }

    @Test
    void concatenatedUcs2PartsAreReassembledIntoTheWholeText() throws Exception {
        client = bind(BindType.BIND_TRX);
        String first = "Halo Ibu Siti 😀 laporan ";
        String second = "sudah selesai ditangani.";
        DataCoding ucs2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false);
        ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);

        submit("62811000333", null, ucs2, udhi, part(7, 2, 2, second.getBytes(StandardCharsets.UTF_16BE)), true);
        assertThat(smsc.received()).isEmpty();
        submit("62811000333", null, ucs2, udhi, part(7, 2, 1, first.getBytes(StandardCharsets.UTF_16BE)), true);

        ReceivedSms sms = smsc.received().get(0);
        assertThat(sms.text()).isEqualTo(first + second);
        assertThat(sms.parts()).isEqualTo(2);
        assertThat(sms.messageIds()).hasSize(2);
        assertThat(sms.isUcs2()).isTrue();
    }

    @Test
    void theListenerGetsEachWholeMessageOnceWhateverTheKeptListHolds() throws Exception {
        smsc.stop();
        List<ReceivedSms> heard = new CopyOnWriteArrayList<>();
        smsc = SmscSimulator.start(SmscConfig.of("kota", "secret").withKeepAtMost(1), heard::add);
        client = bind(BindType.BIND_TRX);
        DataCoding ucs2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false);
        ESMClass udhi = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);

        String single = submit("62811000800", null, GeneralDataCoding.DEFAULT, new ESMClass(), Gsm7.encode("satu"), false);
        submit("62811000800", null, ucs2, udhi, part(9, 2, 1, "dua ".getBytes(StandardCharsets.UTF_16BE)), false);
        assertThat(heard).hasSize(1);
        submit("62811000800", null, ucs2, udhi, part(9, 2, 2, "bagian".getBytes(StandardCharsets.UTF_16BE)), false);
        submit("62811000800", null, GeneralDataCoding.DEFAULT, new ESMClass(), Gsm7.encode("tiga"), false);

        assertThat(heard).extracting(ReceivedSms::text).containsExactly("satu", "dua bagian", "tiga");
        assertThat(heard.get(0).messageId()).isEqualTo(single);
        assertThat(heard.get(1).parts()).isEqualTo(2);
        assertThat(smsc.received()).extracting(ReceivedSms::text).containsExactly("tiga");
    }

    @Test
    void aFailingListenerDoesNotFailTheSubmit() throws Exception {
        smsc.stop();
        smsc = SmscSimulator.start(SmscConfig.of("kota", "secret"), sms -> {
            throw new IllegalStateException("archive full");
        });
        client = bind(BindType.BIND_TRX);

        String messageId = submit("62811000801", null, GeneralDataCoding.DEFAULT, new ESMClass(), Gsm7.encode("tetap"), false);

        assertThat(messageId).isNotBlank();
        assertThat(smsc.received()).extracting(ReceivedSms::text).containsExactly("tetap");
    }

    @Test
    void aBindWithTheWrongPasswordIsRejected() {
        assertThatThrownBy(() -> new SMPPSession().connectAndBind("127.0.0.1", smsc.port(),
                new BindParameter(BindType.BIND_TRX, "kota", "wrong", "", TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN, null)))
                .hasMessageContaining("Receive negative bind response");
        assertThat(smsc.bindCount()).isZero();
    }

    @Test
    void failWithRejectsSubmitsUntilToldToBehaveNormally() throws Exception {
        client = bind(BindType.BIND_TRX);
        smsc.failWith(0x58);

        assertThatThrownBy(() -> submit("62811000444", "x", GeneralDataCoding.DEFAULT, new ESMClass(), Gsm7.encode("x"), false))
                .isInstanceOfSatisfying(NegativeResponseException.class, e -> assertThat(e.getCommandStatus()).isEqualTo(0x58));

        smsc.behaveNormally();
        submit("62811000444", "y", GeneralDataCoding.DEFAULT, new ESMClass(), Gsm7.encode("y"), false);
        assertThat(smsc.received()).extracting(ReceivedSms::text).containsExactly("y");
    }

    @Test
    void goSlowDelaysTheSubmitResponse() throws Exception {
        client = bind(BindType.BIND_TRX);
        smsc.goSlow(Duration.ofMillis(300));

        long started = System.nanoTime();
        submit("62811000555", "pelan", GeneralDataCoding.DEFAULT, new ESMClass(), Gsm7.encode("pelan"), false);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void droppingSessionsClosesTheClientsConnection() throws Exception {
        client = bind(BindType.BIND_TRX);
        awaitUntil(() -> smsc.boundSessions() == 1);

        smsc.dropSessions();

        awaitUntil(() -> !client.getSessionState().isBound());
        assertThat(smsc.boundSessions()).isZero();
    }

    @Test
    void aMobileOriginatedMessageReachesTheBoundReceiver() throws Exception {
        client = bind(BindType.BIND_RX);
        awaitUntil(() -> smsc.boundSessions() == 1);

        smsc.injectMobileOriginated("6281234567890", "1708", "LAPOR jalan rusak di Jl. Cenderawasih");

        awaitUntil(() -> !delivered.isEmpty());
        DeliverSm mo = delivered.get(0);
        assertThat(mo.isSmscDeliveryReceipt()).isFalse();
        assertThat(mo.getSourceAddr()).isEqualTo("6281234567890");
        assertThat(Gsm7.decode(mo.getShortMessage())).isEqualTo("LAPOR jalan rusak di Jl. Cenderawasih");
    }

    @Test
    void aLongMobileOriginatedTextArrivesInPartsMarkedByAUserDataHeaderOrSarTlvs() throws Exception {
        client = bind(BindType.BIND_RX);
        awaitUntil(() -> smsc.boundSessions() == 1);
        String text = "LAPOR " + "jalan rusak di Jl. Cenderawasih, ".repeat(8);

        int parts = smsc.injectMobileOriginatedInParts("6281234567890", "1708", text, 77,
                Segmentation.UDH_8BIT_REFERENCE, 2, 1);
        smsc.injectMobileOriginatedInParts("6281234567890", "1708", text, 300, Segmentation.SAR_TLVS);
        smsc.injectMobileOriginatedInParts("6281234567890", "1708", "halo", 5, Segmentation.SAR_TLVS);

        awaitUntil(() -> delivered.size() == 5);
        assertThat(parts).isEqualTo(2);
        DeliverSm second = delivered.get(0);
        DeliverSm first = delivered.get(1);
        assertThat(second.getEsmClass() & 0x40).isEqualTo(0x40);
        assertThat(Arrays.copyOf(second.getShortMessage(), 6)).containsExactly(5, 0x00, 3, 77, 2, 2);
        assertThat(Arrays.copyOf(first.getShortMessage(), 6)).containsExactly(5, 0x00, 3, 77, 2, 1);
        assertThat(Gsm7.decode(Arrays.copyOfRange(first.getShortMessage(), 6, first.getShortMessage().length))
                + Gsm7.decode(Arrays.copyOfRange(second.getShortMessage(), 6, second.getShortMessage().length)))
                .isEqualTo(text);
        DeliverSm sar = delivered.get(3);
        assertThat(sar.getEsmClass() & 0x40).isZero();
        assertThat(((OptionalParameter.Short) sar.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM)).getValue())
                .isEqualTo((short) 300);
        assertThat(((OptionalParameter.Byte) sar.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS)).getValue())
                .isEqualTo((byte) 2);
        assertThat(((OptionalParameter.Byte) sar.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM)).getValue())
                .isEqualTo((byte) 2);
        DeliverSm whole = delivered.get(4);
        assertThat(whole.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM)).isNull();
        assertThat(Gsm7.decode(whole.getShortMessage())).isEqualTo("halo");
    }

    @Test
    void injectingWithoutAReceiverFails() {
        assertThatThrownBy(() -> smsc.injectMobileOriginated("6281234567890", "1708", "halo"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void gsm7RoundTripsTheExtensionTableAndRejectsEmoji() {
        String text = "Biaya €5 [lunas] ~ {ok} | ^_^ \\ @ Ñ";
        assertThat(Gsm7.canEncode(text)).isTrue();
        assertThat(Gsm7.decode(Gsm7.encode(text))).isEqualTo(text);
        assertThat(Gsm7.canEncode("halo 😀")).isFalse();
        assertThat(Gsm7.canEncode("Nyoman 王")).isFalse();
    }

    @Test
    void theKeptListStaysBoundedAndNewestFirst() throws Exception {
        smsc.stop();
        smsc = SmscSimulator.start(SmscConfig.of("kota", "secret").withKeepAtMost(5));
        client = bind(BindType.BIND_TRX);

        for (int i = 0; i < 12; i++) {
            submit("62811000600", null, GeneralDataCoding.DEFAULT, new ESMClass(), Gsm7.encode("pesan " + i), false);
        }

        assertThat(smsc.submitCount()).isEqualTo(12);
        assertThat(smsc.received()).extracting(ReceivedSms::text)
                .containsExactly("pesan 11", "pesan 10", "pesan 9", "pesan 8", "pesan 7");

        smsc.clear();
        assertThat(smsc.received()).isEmpty();
        for (int i = 0; i < 3; i++) {
            submit("62811000601", null, GeneralDataCoding.DEFAULT, new ESMClass(), Gsm7.encode("lagi " + i), false);
        }
        assertThat(smsc.received()).extracting(ReceivedSms::text).containsExactly("lagi 2", "lagi 1", "lagi 0");
        for (int i = 3; i < 10; i++) {
            submit("62811000601", null, GeneralDataCoding.DEFAULT, new ESMClass(), Gsm7.encode("lagi " + i), false);
        }
        assertThat(smsc.received()).extracting(ReceivedSms::text)
                .containsExactly("lagi 9", "lagi 8", "lagi 7", "lagi 6", "lagi 5");
    }

    @Test
    void aBoundedKeptListHoldsUnderConcurrentSubmits() throws Exception {
        smsc.stop();
        smsc = SmscSimulator.start(SmscConfig.of("kota", "secret").withKeepAtMost(50));
        client = bind(BindType.BIND_TRX);
        int threads = 6;
        int each = 100;

        runConcurrently(threads, t -> {
            for (int i = 0; i < each; i++) {
                submit("62811000700", null, GeneralDataCoding.DEFAULT, new ESMClass(), Gsm7.encode("t" + t + " " + i), false);
            }
        });

        assertThat(smsc.submitCount()).isEqualTo(threads * each);
        assertThat(smsc.received()).hasSize(50);
        List<ReceivedSms> kept = smsc.received();
        for (int i = 1; i < kept.size(); i++) {
            assertThat(kept.get(i - 1).receivedAt()).isAfterOrEqualTo(kept.get(i).receivedAt());
        }
    }

    @Test
    void everySubmitGetsItsReceiptWithSeveralInFlightButNoMoreThanTheWindow() throws Exception {
        smsc.stop();
        smsc = SmscSimulator.start(SmscConfig.of("kota", "secret").withReceiptDelay(Duration.ofMillis(5))
                .withReceiptWindow(4));
        AtomicInteger answering = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        // a client that takes its time over each deliver_sm_resp, with threads enough to answer 8 at once
        client = bind(BindType.BIND_TRX, 8, deliverSm -> {
            int now = answering.incrementAndGet();
            mostAtOnce.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answering.decrementAndGet();
        });
        int threads = 4;
        int each = 50;
        Set<String> submitted = ConcurrentHashMap.newKeySet();

        runConcurrently(threads, t -> {
            for (int i = 0; i < each; i++) {
                submitted.add(submit("62811000800", null, GeneralDataCoding.DEFAULT, new ESMClass(),
                        Gsm7.encode("r" + t + " " + i), true));
            }
        });

        awaitUntil(() -> delivered.size() >= threads * each);
        Thread.sleep(100);
        assertThat(delivered).hasSize(threads * each);
        assertThat(delivered).extracting(d -> d.getShortMessageAsDeliveryReceipt().getId())
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(submitted);
        assertThat(mostAtOnce.get()).isEqualTo(4);
    }

    @Test
    void theReceiptTextIsWhatJsmppWouldWrite() {
        ZonedDateTime at = ZonedDateTime.of(2026, 3, 14, 9, 26, 53, 0, ZoneId.systemDefault());
        Date date = Date.from(at.toInstant());
        for (DeliveryReceiptState state : List.of(DeliveryReceiptState.DELIVRD, DeliveryReceiptState.UNDELIV)) {
            boolean delivered = state == DeliveryReceiptState.DELIVRD;
            String jsmpp = new DeliveryReceipt("1a2b3c4d5e", 1, delivered ? 1 : 0, date, date, state,
                    delivered ? "000" : "001", "Laporan Anda MMK-000").toString();

            assertThat(SmscSimulator.receiptText("1a2b3c4d5e", state, at, "Laporan Anda MMK-000")).isEqualTo(jsmpp);
        }
    }

    private SMPPSession bind(BindType type) throws Exception {
        return bind(type, 0, deliverSm -> { });
    }

    private SMPPSession bind(BindType type, int processorThreads, java.util.function.Consumer<DeliverSm> onDeliverSm)
            throws Exception {
        SMPPSession session = new SMPPSession();
        if (processorThreads > 0) {
            session.setPduProcessorDegree(processorThreads);
        }
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                onDeliverSm.accept(deliverSm);
                delivered.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alert) {
            }

            @Override
            public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm dataSm, org.jsmpp.session.Session source) {
                return null;
            }
        });
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(type, "kota", "secret", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        return session;
    }

    private String submit(String to, String ignoredText, DataCoding coding, ESMClass esm, byte[] payload, boolean receipt)
            throws Exception {
        return client.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "1708",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, esm, (byte) 0, (byte) 1, null, null,
                new RegisteredDelivery(receipt ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
                (byte) 0, coding, (byte) 0, payload).getMessageId();
    }

    private static byte[] part(int reference, int total, int sequence, byte[] body) {
        return ByteBuffer.allocate(6 + body.length)
                .put(new byte[] {5, 0, 3, (byte) reference, (byte) total, (byte) sequence})
                .put(body).array();
    }

    private interface Worker {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    worker.run(thread);
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}

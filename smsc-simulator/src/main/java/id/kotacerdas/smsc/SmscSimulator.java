package id.kotacerdas.smsc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMPP 3.4 server (on jSMPP's server side) for tests and the local stack. It accepts
 * binds with the configured credentials, keeps every message it receives (concatenated parts
 * reassembled), answers each submit_sm with a message id, sends delivery receipts when asked
 * for, and can be told to fail, go slow or drop its sessions.
 */
public final class SmscSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);
    private static final int RECEIPT_TEXT_PREVIEW = 20;
    private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyMMddHHmm");
    // never changed after creation (jSMPP only reads their value)
    private static final ESMClass RECEIPT_ESM_CLASS =
            new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT);
    private static final RegisteredDelivery NO_RECEIPT = new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT);

    private final SmscConfig config;
    private final ServerSocket serverSocket;
    private final SMPPServerSessionListener listener;
    private final ExecutorService bindExecutor = Executors.newCachedThreadPool(daemon("smsc-bind"));
    private final ScheduledExecutorService receiptExecutor;
    private final Thread acceptor;
    private final Map<SMPPServerSession, String> sessions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<ReceivedSms> received = new ConcurrentLinkedDeque<>();
    /** Beside {@link #received}: its size() walks the whole deque, this does not. */
    private final AtomicInteger receivedKept = new AtomicInteger();
    private final Map<String, PendingConcatenation> pendingParts = new ConcurrentHashMap<>();
    private final Map<String, PendingReceipt> submittedWithReceipt = new ConcurrentHashMap<>();
    private final AtomicLong nextMessageId = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 44));
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicReference<Integer> failStatus = new AtomicReference<>();
    private final AtomicReference<Duration> slowness = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<DeliveryReceiptState> receiptState = new AtomicReference<>(DeliveryReceiptState.DELIVRD);
    private final Consumer<ReceivedSms> onReceived;
    private volatile boolean running = true;

    private SmscSimulator(SmscConfig config, Consumer<ReceivedSms> onReceived) throws IOException {
        this.config = config;
        this.onReceived = onReceived;
        // one thread per receipt that may await its deliver_sm_resp: jSMPP's deliverShortMessage blocks until then
        ScheduledThreadPoolExecutor receipts = new ScheduledThreadPoolExecutor(config.receiptWindow(), daemon("smsc-receipt"));
        receipts.setRemoveOnCancelPolicy(true);
        this.receiptExecutor = receipts;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), 200);
        ServerConnection connection = new ServerSocketConnection(serverSocket);
        this.listener = new SMPPServerSessionListener(serverSocket.getLocalPort(), 0, 200, new ExistingSocket(connection));
        listener.setPduProcessorDegree(8);
        listener.setQueueCapacity(2000);
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new ReceiptSender());
        this.acceptor = new Thread(this::acceptLoop, "smsc-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a simulator listening as configured; it is ready for binds when this returns. */
    public static SmscSimulator start(SmscConfig config) {
        return start(config, sms -> {
        });
    }

    /**
     * Like {@link #start(SmscConfig)}, and hands {@code onReceived} each whole message once (a concatenated one when
     * its last part arrives), on the thread that handles its submit_sm (several may run at once, so submits in flight
     * together may be handed over in either order), after the simulator kept it and before the client gets its
     * submit_sm_resp. A keeper of every message can use this instead of reading {@link #received()} over and over.
     * What the listener throws is logged; the submit is still accepted.
     */
    public static SmscSimulator start(SmscConfig config, Consumer<ReceivedSms> onReceived) {
        if (onReceived == null) {
            throw new IllegalArgumentException("onReceived must not be null");
        }
        try {
            return new SmscSimulator(config, onReceived);
        } catch (IOException e) {
            throw new IllegalStateException("SMSC simulator cannot listen on " + config.host() + ":" + config.port(), e);
        }
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public SmscConfig config() {
        return config;
    }

    /** Every whole message received, newest first. */
    public List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    /** Messages received for one destination address, newest first. */
    public List<ReceivedSms> receivedFor(String destination) {
        return received.stream().filter(sms -> destination.equals(sms.to())).toList();
    }

    /** Forgets what was received (and half-received concatenations). */
    public void clear() {
        while (received.pollFirst() != null) {
            receivedKept.decrementAndGet();
        }
        pendingParts.clear();
    }

    /** How many submit_sm PDUs were accepted (one per part), since start. */
    public int submitCount() {
        return submits.get();
    }

    /** How many binds were accepted since start. */
    public int bindCount() {
        return binds.get();
    }

    /** Sessions currently bound. */
    public int boundSessions() {
        return (int) sessions.keySet().stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** Rejects every following submit_sm with this command status (e.g. {@code 0x58} throttled, {@code 0x08} system error). */
    public void failWith(int commandStatus) {
        failStatus.set(commandStatus);
    }

    /** Delays every following submit_sm response by this long. */
    public void goSlow(Duration delay) {
        slowness.set(delay == null ? Duration.ZERO : delay);
    }

    /** Accepts submits, but every following delivery receipt says {@code stat:UNDELIV}. */
    public void failDeliveries() {
        receiptState.set(DeliveryReceiptState.UNDELIV);
    }

    /** Back to accepting, answering promptly and receipting {@code DELIVRD}. */
    public void behaveNormally() {
        failStatus.set(null);
        slowness.set(Duration.ZERO);
        receiptState.set(DeliveryReceiptState.DELIVRD);
    }

    /** Closes every session's connection abruptly, as a crashing SMSC or a broken link would. */
    public void dropSessions() {
        List<SMPPServerSession> current = new ArrayList<>(sessions.keySet());
        sessions.clear();
        current.forEach(SMPPServerSession::close);
        log.info("SMSC simulator on port {} dropped {} session(s)", port(), current.size());
    }

    /**
     * Sends a mobile-originated message (a deliver_sm that is not a receipt) to a bound receiver
     * or transceiver, as if a phone had texted {@code to}.
     *
     * @throws IllegalStateException when no receiving session is bound, or the client refused it
     */
    public void injectMobileOriginated(String from, String to, String text) {
        SMPPServerSession session = receivingSession(null)
                .orElseThrow(() -> new IllegalStateException("no receiver or transceiver is bound"));
        boolean gsm = Gsm7.canEncode(text);
        byte[] encoded = gsm ? Gsm7.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
        byte dataCoding = gsm ? (byte) 0x00 : (byte) 0x08;
        boolean fits = encoded.length <= (gsm ? 160 : 140);
        try {
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, from,
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, new ESMClass(), (byte) 0, (byte) 0,
                    new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), DataCodings.newInstance(dataCoding),
                    fits ? encoded : new byte[0],
                    fits ? new OptionalParameter[0] : new OptionalParameter[] {new OptionalParameter.Message_payload(encoded)});
        } catch (Exception e) {
            throw new IllegalStateException("mobile-originated message was not accepted: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a text as a handset does: one that fits in one deliver_sm as it is, a longer one split into parts of 153 GSM-7 octets or 134 UCS-2 octets (67 units, so a
     * character outside the BMP may straddle two parts), each its own deliver_sm marked as {@code segmentation}
     * says. {@code sequences} are the parts to deliver, in that order (from 1; repeat one to deliver it again, leave
     * one out to lose it); none = all, in order.
     *
     * @return the number of parts the text was split into
     * @throws IllegalStateException when no receiving session is bound, or the client refused a part
     */
    public int injectMobileOriginatedInParts(String from, String to, String text, int reference,
                                             Segmentation segmentation, int... sequences) {
        SMPPServerSession session = receivingSession(null)
                .orElseThrow(() -> new IllegalStateException("no receiver or transceiver is bound"));
        boolean gsm = Gsm7.canEncode(text);
        byte[] encoded = gsm ? Gsm7.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
        int partSize = gsm ? 153 : 134;
        int total = (encoded.length + partSize - 1) / partSize;
        if (total <= 1) {
            injectMobileOriginated(from, to, text);
            return 1;
        }
        int[] order = sequences.length > 0 ? sequences : IntStream.rangeClosed(1, total).toArray();
        for (int sequence : order) {
            byte[] body = Arrays.copyOfRange(encoded, (sequence - 1) * partSize,
                    Math.min(encoded.length, sequence * partSize));
            byte[] shortMessage = body;
            ESMClass esmClass = new ESMClass();
            OptionalParameter[] tlvs = new OptionalParameter[0];
            switch (segmentation) {
                case UDH_8BIT_REFERENCE -> {
                    shortMessage = withHeader(new byte[] {5, 0x00, 3, (byte) reference, (byte) total, (byte) sequence}, body);
                    esmClass = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
                }
                case UDH_16BIT_REFERENCE -> {
                    shortMessage = withHeader(new byte[] {6, 0x08, 4, (byte) (reference >> 8), (byte) reference,
                            (byte) total, (byte) sequence}, body);
                    esmClass = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
                }
                case SAR_TLVS -> tlvs = new OptionalParameter[] {
                        new OptionalParameter.Sar_msg_ref_num((short) reference),
                        new OptionalParameter.Sar_total_segments((byte) total),
                        new OptionalParameter.Sar_segment_seqnum((byte) sequence)};
            }
            try {
                session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, from,
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, to, esmClass, (byte) 0, (byte) 0,
                        new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), DataCodings.newInstance(gsm ? (byte) 0x00 : (byte) 0x08),
                        shortMessage, tlvs);
            } catch (Exception e) {
                throw new IllegalStateException("part " + sequence + " was not accepted: " + e.getMessage(), e);
            }
        }
        return total;
    }

    private static byte[] withHeader(byte[] header, byte[] body) {
        byte[] message = Arrays.copyOf(header, header.length + body.length);
        System.arraycopy(body, 0, message, header.length, body.length);
        return message;
    }

    public void stop() {
        running = false;
        dropSessions();
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing SMPP listener", e);
        }
        bindExecutor.shutdownNow();
        receiptExecutor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                bindExecutor.execute(() -> awaitBind(session));
            } catch (IOException e) {
                if (running) {
                    log.warn("SMSC simulator accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(10_000);
            if (!config.systemId().equals(request.getSystemId())) {
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
            } else if (!config.password().equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
            } else {
                request.accept(config.systemId());
                sessions.put(session, request.getSystemId());
                session.addSessionStateListener(this::forgetWhenClosed);
                binds.incrementAndGet();
                log.info("SMSC simulator accepted {} bind from {}", bindName(request.getBindType()), request.getSystemId());
            }
        } catch (Exception e) {
            log.info("SMSC simulator: no valid bind ({})", e.getMessage());
            session.close();
        }
    }

    private void forgetWhenClosed(SessionState newState, SessionState oldState, Session source) {
        if (!newState.isBound() && source instanceof SMPPServerSession session) {
            sessions.remove(session);
        }
    }

    private static String bindName(BindType type) {
        return switch (type) {
            case BIND_TX -> "transmitter";
            case BIND_RX -> "receiver";
            case BIND_TRX -> "transceiver";
        };
    }

    private Optional<SMPPServerSession> receivingSession(SMPPServerSession preferred) {
        if (preferred != null && preferred.getSessionState().isReceivable()) {
            return Optional.of(preferred);
        }
        return sessions.keySet().stream().filter(s -> s.getSessionState().isReceivable()).findFirst();
    }

    private String accept(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        Duration delay = slowness.get();
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Integer status = failStatus.get();
        if (status != null) {
            throw new ProcessRequestException("SMSC simulator told to fail", status);
        }
        String messageId = Long.toHexString(nextMessageId.getAndIncrement());
        submits.incrementAndGet();
        SubmittedPart part = SubmittedPart.of(submit);
        if (!SMSCDeliveryReceipt.DEFAULT.containedIn(submit.getRegisteredDelivery())) {
            // the receipt needs only these: the submit_sm itself (and its decoding) is not kept for it
            submittedWithReceipt.put(messageId, new PendingReceipt(submit.getSourceAddr(), submit.getDestAddress(),
                    part.text().substring(0, Math.min(RECEIPT_TEXT_PREVIEW, part.text().length()))));
        }
        keep(part, messageId, sessions.getOrDefault(session, config.systemId()));
        return messageId;
    }

    private void keep(SubmittedPart part, String messageId, String systemId) {
        if (!part.isConcatenated()) {
            remember(new ReceivedSms(part.from(), part.to(), part.text(), 1, part.dataCoding(), Instant.now(),
                    messageId, List.of(messageId), systemId));
            return;
        }
        String key = part.from() + "|" + part.to() + "|" + part.reference() + "|" + part.total();
        PendingConcatenation pending = pendingParts.computeIfAbsent(key, k -> new PendingConcatenation(part.total()));
        Optional<ReceivedSms> whole = pending.add(part, messageId, systemId);
        whole.ifPresent(sms -> {
            pendingParts.remove(key, pending);
            remember(sms);
        });
    }

    private void remember(ReceivedSms sms) {
        received.addFirst(sms);
        // a counter, not received.size() (which walks the deque): O(1) per message
        if (receivedKept.incrementAndGet() > config.keepAtMost()) {
            while (receivedKept.get() > config.keepAtMost() && received.pollLast() != null) {
                receivedKept.decrementAndGet();
            }
        }
        try {
            onReceived.accept(sms);
        } catch (RuntimeException e) {
            log.warn("The listener for received messages failed on message {}", sms.messageId(), e);
        }
    }

    private void sendReceipt(String messageId, PendingReceipt pending, SMPPServerSession session) {
        DeliveryReceiptState state = receiptState.get();
        Optional<SMPPServerSession> target = receivingSession(session);
        if (target.isEmpty()) {
            return;
        }
        String text = receiptText(messageId, state, ZonedDateTime.now(), pending.preview());
        try {
            target.get().deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    pending.destination(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, pending.source(),
                    RECEIPT_ESM_CLASS, (byte) 0, (byte) 0, NO_RECEIPT, DataCodings.ZERO,
                    text.getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), messageId),
                    new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, (byte) state.value()));
        } catch (Exception e) {
            log.info("SMSC simulator could not deliver receipt for {}: {}", messageId, e.getMessage());
        }
    }

    /**
     * The receipt text of SMPP 3.4 appendix B, as jSMPP's {@code DeliveryReceipt.toString()} writes it (without
     * building a SimpleDateFormat per receipt): {@code id:<id> sub:001 dlvrd:001 submit date:yyMMddHHmm done
     * date:yyMMddHHmm stat:DELIVRD err:000 text:<first 20 characters>}.
     */
    static String receiptText(String messageId, DeliveryReceiptState state, ZonedDateTime at, String preview) {
        boolean delivered = state == DeliveryReceiptState.DELIVRD;
        String date = RECEIPT_DATE.format(at);
        return "id:" + messageId + " sub:001 dlvrd:" + (delivered ? "001" : "000") + " submit date:" + date
                + " done date:" + date + " stat:" + state + " err:" + (delivered ? "000" : "001") + " text:" + preview;
    }

    /** What a delivery receipt needs of its submit_sm. */
    private record PendingReceipt(String source, String destination, String preview) {
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Collects the parts of one concatenated message until all have arrived. */
    private static final class PendingConcatenation {
        private final SubmittedPart[] parts;
        private final String[] messageIds;
        private int arrived;

        PendingConcatenation(int total) {
            parts = new SubmittedPart[total];
            messageIds = new String[total];
        }

        synchronized Optional<ReceivedSms> add(SubmittedPart part, String messageId, String systemId) {
            int index = part.sequence() - 1;
            if (index < 0 || index >= parts.length || parts[index] != null) {
                return Optional.empty();
            }
            parts[index] = part;
            messageIds[index] = messageId;
            if (++arrived < parts.length) {
                return Optional.empty();
            }
            StringBuilder text = new StringBuilder();
            for (SubmittedPart each : parts) {
                text.append(each.text());
            }
            return Optional.of(new ReceivedSms(parts[0].from(), parts[0].to(), text.toString(), parts.length,
                    parts[0].dataCoding(), Instant.now(), messageId, List.of(messageIds), systemId));
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
            String messageId = accept(submit, session);
            try {
                return new SubmitSmResult(new MessageId(messageId), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("invalid message id", SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submit, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm query, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("query_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replace, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancel, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(org.jsmpp.bean.BroadcastSm broadcast, SMPPServerSession session)
                throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancel, SMPPServerSession session) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm query, SMPPServerSession session)
                throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session session) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** Sends the delivery receipt once the submit_sm_resp carrying its message id has gone out. */
    private final class ReceiptSender extends ServerResponseDeliveryAdapter {

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
            // jSMPP hands over only the result here, so the request is looked up by message id.
            PendingReceipt pending = submittedWithReceipt.remove(result.getMessageId());
            if (pending != null) {
                receiptExecutor.schedule(() -> sendReceipt(result.getMessageId(), pending, session),
                        config.receiptDelay().toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception error, SMPPServerSession session) {
            // the client never learnt the message id: no receipt for it, and nothing left behind
            submittedWithReceipt.remove(result.getMessageId());
        }
    }

    /** The server-connection factory jSMPP wants, handing out the socket already bound above. */
    private record ExistingSocket(ServerConnection connection) implements ServerConnectionFactory {
        @Override
        public ServerConnection listen(int port) {
            return connection;
        }

        @Override
        public ServerConnection listen(int port, int timeout) {
            return connection;
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) {
            return connection;
        }
    }
}

package id.kotacerdas.notification.sms;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMSC: a single long-lived transceiver session, kept bound (enquire_link while idle, rebind
 * shortly after a drop), through which messages are submitted and receipts and mobile-originated
 * messages arrive.
 */
class SmppProvider implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppProvider.class);

    private final String name;
    private final SmsProperties.Provider settings;
    private final SmppEvents events;
    private final ScheduledExecutorService keeper;
    private final ReentrantLock bindLock = new ReentrantLock();
    private final AtomicInteger reference = new AtomicInteger();
    private volatile SMPPSession session;
    private volatile boolean open = true;

    SmppProvider(String name, SmsProperties.Provider settings, SmppEvents events, ScheduledExecutorService keeper) {
        this.name = name;
        this.settings = settings;
        this.events = events;
        this.keeper = keeper;
    }

    String name() {
        return name;
    }

    /** Binds in the background now and checks the binding every rebind delay from then on. */
    void start() {
        keeper.scheduleWithFixedDelay(this::keepBound, 0, settings.rebindDelay().toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isBound() {
        SMPPSession current = session;
        return current != null && current.getSessionState().isBound();
    }

    private void keepBound() {
        if (!open || isBound()) {
            return;
        }
        try {
            boundSession();
        } catch (ProviderFailure e) {
            log.warn("SMPP provider {} is not bound: {}", name, e.getMessage());
        }
    }

    private SMPPSession boundSession() {
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return current;
        }
        try {
            if (!bindLock.tryLock(settings.bindTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProviderFailure("unavailable", "bind in progress", true, false, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure("unavailable", "interrupted", false, false, e);
        }
        try {
            current = session;
            if (current != null && current.getSessionState().isBound()) {
                return current;
            }
            if (current != null) {
                current.close();
            }
            if (!open) {
                throw new ProviderFailure("unavailable", "provider closed", false, false, null);
            }
            session = bind();
            log.info("SMPP provider {} bound as transceiver to {}:{}", name, settings.host(), settings.port());
            return session;
        } catch (IOException e) {
            throw new ProviderFailure("unavailable", "bind failed: " + e.getMessage(), true, false, e);
        } finally {
            bindLock.unlock();
        }
    }

    private SMPPSession bind() throws IOException {
        SMPPSession fresh = new SMPPSession();
        fresh.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
        fresh.setTransactionTimer(settings.responseTimeout().toMillis());
        fresh.setPduProcessorDegree(settings.pduProcessors());
        fresh.setMessageReceiverListener(new Listener());
        fresh.addSessionStateListener((newState, oldState, source) -> {
            if (oldState.isBound() && !newState.isBound() && open) {
                log.warn("SMPP provider {} session dropped ({} → {}); rebinding", name, oldState, newState);
                keeper.schedule(this::keepBound, 200, TimeUnit.MILLISECONDS);
            }
        });
        fresh.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(),
                settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                settings.bindTimeout().toMillis());
        return fresh;
    }

    /**
     * Submits every part; returns the provider's message ids in part order.
     *
     * @throws ProviderFailure when the provider did not take the message (or took only some parts)
     */
    List<String> submit(String source, String destination, EncodedSms sms) {
        SMPPSession current = boundSession();
        int total = sms.parts();
        int ref = reference.incrementAndGet() & 0xFF;
        List<String> messageIds = new ArrayList<>(total);
        for (int index = 0; index < total; index++) {
            byte[] body = sms.bodies().get(index);
            ESMClass esm = new ESMClass();
            if (total > 1) {
                body = ByteBuffer.allocate(6 + body.length)
                        .put(new byte[] {5, 0, 3, (byte) ref, (byte) total, (byte) (index + 1)}).put(body).array();
                esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
            }
            boolean earlierPartsAccepted = index > 0;
            try {
                messageIds.add(current.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, source,
                        TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination, esm, (byte) 0, (byte) 1,
                        null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        DataCodings.newInstance(sms.dataCoding()), (byte) 0, body).getMessageId());
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                throw new ProviderFailure("rejected", String.format("command status 0x%02X", status),
                        !earlierPartsAccepted && isTransient(status), earlierPartsAccepted, e);
            } catch (ResponseTimeoutException e) {
                throw new ProviderFailure("timeout", "no submit_sm_resp within " + settings.responseTimeout(), false,
                        true, e);
            } catch (PDUException e) {
                throw new ProviderFailure("rejected", "invalid PDU: " + e.getMessage(), false, earlierPartsAccepted, e);
            } catch (IOException | org.jsmpp.InvalidResponseException e) {
                throw new ProviderFailure("unavailable", e.getClass().getSimpleName() + ": " + e.getMessage(),
                        !earlierPartsAccepted, earlierPartsAccepted, e);
            }
        }
        return messageIds;
    }

    private static boolean isTransient(int status) {
        return status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL
                || status == SMPPConstant.STAT_ESME_RSYSERR || status == SMPPConstant.STAT_ESME_RX_T_APPN;
    }

    @Override
    public void close() {
        open = false;
        SMPPSession current = session;
        if (current != null) {
            current.unbindAndClose();
        }
    }

    private final class Listener implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            try {
                if (deliverSm.isSmscDeliveryReceipt()) {
                    DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                    String messageId = receiptedMessageId(deliverSm, receipt);
                    DeliveryReceiptState state = receipt.getFinalStatus();
                    events.onReceipt(name, messageId, state == DeliveryReceiptState.DELIVRD, String.valueOf(state));
                } else {
                    events.onMobileOriginated(name, MobileOriginated.of(deliverSm));
                }
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("SMPP provider {} sent an unreadable receipt", name);
            } catch (RuntimeException e) {
                log.warn("SMPP provider {}: deliver_sm not processed, asking for redelivery: {}", name, e.toString());
                throw new ProcessRequestException("not processed", SMPPConstant.STAT_ESME_RX_T_APPN, e);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // alert_notification is about handset availability, which this service does not track
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    private static String receiptedMessageId(DeliverSm deliverSm, DeliveryReceipt receipt) {
        OptionalParameter tlv = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        if (tlv instanceof OptionalParameter.OctetString text) {
            String value = text.getValueAsString().replace("\u0000", "").trim();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return receipt.getId();
    }
}

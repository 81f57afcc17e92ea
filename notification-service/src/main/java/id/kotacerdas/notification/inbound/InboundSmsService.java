package id.kotacerdas.notification.inbound;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.contracts.notification.NotificationRequested;
import id.kotacerdas.contracts.notification.NotificationTemplates;
import id.kotacerdas.contracts.notification.Recipient;
import id.kotacerdas.notification.delivery.DeliveryIntake;
import id.kotacerdas.notification.delivery.ReceiptProcessor;
import id.kotacerdas.notification.recipient.OptOuts;
import id.kotacerdas.notification.recipient.PhoneNumbers;
import id.kotacerdas.notification.sms.MobileOriginated;
import id.kotacerdas.notification.sms.SmppEvents;
import id.kotacerdas.support.privacy.Masking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What SMSCs send us unasked. Receipts go to the {@link ReceiptProcessor}. A mobile-originated
 * {@code STOP} / {@code BERHENTI} opts the number out of non-critical SMS and {@code MULAI} opts it
 * back in, each confirmed by SMS (the confirmation is CRITICAL so the opt-out cannot swallow it);
 * every other message goes to intake on the restricted topic {@code city.sms-inbound.v1}, a long text once its
 * parts are put back together ({@link SegmentAssembly}).
 */
@Component
public class InboundSmsService implements SmppEvents {

    private static final Logger log = LoggerFactory.getLogger(InboundSmsService.class);
    static final Set<String> OPT_OUT = Set.of("STOP", "BERHENTI", "UNREG");
    static final Set<String> OPT_IN = Set.of("MULAI", "START");

    private final ReceiptProcessor receipts;
    private final OptOuts optOuts;
    private final DeliveryIntake intake;
    private final SegmentAssembly segments;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final TextIds textIds;

    InboundSmsService(ReceiptProcessor receipts, OptOuts optOuts, DeliveryIntake intake, SegmentAssembly segments,
                      MongoTemplate mongo, Clock clock,
                      @Value("${notification.sms.inbound.repeat-window:PT10M}") Duration repeatWindow) {
        this.textIds = new TextIds(repeatWindow);
        this.receipts = receipts;
        this.optOuts = optOuts;
        this.intake = intake;
        this.segments = segments;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void onReceipt(String provider, String messageId, boolean delivered, String receiptState) {
        receipts.onReceipt(messageId, delivered, receiptState);
    }

    @Override
    public void onMobileOriginated(String provider, MobileOriginated message) {
        Instant now = clock.instant();
        String sender = PhoneNumbers.international(message.from());
        if (message.isSegment()) {
            segments.record(provider, sender, message, now).ifPresent(whole -> handOver(whole, now));
            return;
        }
        String to = message.to();
        String text = message.text();
        List<String> ids = textIds.of(sender, to, text, now);
        String id = ids.get(0);
        if (mongo.exists(Query.query(Criteria.where("_id").in(ids)), InboundMessage.class)) {
            log.info("Inbound SMS from {} delivered again (its deliver_sm_resp lost); taken once", Masking.phone(sender));
            return;
        }
        String keyword = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        // a keyword's effects first, the record of the text last: a crash in between leaves the text unacknowledged,
        // so the SMSC delivers it again and the same effects, idempotent under the same id, are applied again
        if (OPT_OUT.contains(keyword)) {
            optOuts.optOut(sender, now);
            confirm(id, sender, NotificationTemplates.OPT_OUT_CONFIRMED);
            insertOnce(InboundMessage.keyword(id, provider, sender, to, text, keyword, now));
            log.info("{} opted out of SMS", Masking.phone(sender));
        } else if (OPT_IN.contains(keyword)) {
            optOuts.optIn(sender);
            confirm(id, sender, NotificationTemplates.OPT_IN_CONFIRMED);
            insertOnce(InboundMessage.keyword(id, provider, sender, to, text, keyword, now));
            log.info("{} opted back in to SMS", Masking.phone(sender));
        } else if (insertOnce(InboundMessage.forIntake(id, provider, sender, to, text, now))) {
            log.info("Inbound SMS {} from {} handed to intake", id, Masking.phone(sender));
        }
    }

    /** False when a delivery of the same text at the same moment (on another session) stored it first. */
    private boolean insertOnce(InboundMessage message) {
        try {
            mongo.insert(message);
            return true;
        } catch (DuplicateKeyException e) {
            log.info("Inbound SMS {} delivered twice at once; taken once", message.id());
            return false;
        }
    }

    /** Long texts whose missing parts are no longer waited for go to intake as far as they came. */
    @Scheduled(fixedDelayString = "${notification.sms.inbound.segment-sweep-interval:PT30S}")
    void handOverOverdueMessages() {
        Instant now = clock.instant();
        segments.overdue(now).forEach(message -> handOver(message, now));
        segments.forgetHandedOver(now);
    }

    private void handOver(SegmentAssembly.Assembled message, Instant now) {
        try {
            mongo.insert(InboundMessage.forIntake(message.messageId(), message.provider(), message.sender(),
                    message.to(), message.text(), message.openedAt().toInstant()));
            log.info("Inbound SMS {} from {} handed to intake, put together from {} parts", message.messageId(),
                    Masking.phone(message.sender()), message.complete() ? "all its" : "some of its");
        } catch (DuplicateKeyException e) {
            log.debug("Inbound SMS {} was handed to intake already", message.messageId());
        }
        segments.handedOver(message, now);
    }

    private void confirm(String inboundId, String phone, String template) {
        intake.accept(new NotificationRequested(inboundId + ":reply", new Recipient(null, phone, null),
                List.of(Channel.SMS), template, "id", Map.of(), NotificationPriority.CRITICAL, null,
                "notification-service", clock.instant()));
    }
}

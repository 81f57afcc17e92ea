package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The second half of a dispatch batch: records what the providers answered, SENDING → SENT / FAILED in one bulk
 * write (with NotificationSent / NotificationFailed in the outbox), queues the next channel of those a provider
 * refused (first: a crash in between loses nothing); the SENT delivery keeps the SMS message ids, by which receipts
 * find it. The writes are retried for a while when the store fails: the answers exist only in memory, and a
 * delivery left SENDING ends as "outcome unknown".
 */
@Component
class SendSettlement {

    private static final Logger log = LoggerFactory.getLogger(SendSettlement.class);
    private static final int ATTEMPTS = 6;
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(100);

    private final DeliveryStore store;
    private final DeliveryIntake intake;
    private final ReceiptProcessor receipts;
    private final Clock clock;

    SendSettlement(DeliveryStore store, DeliveryIntake intake, ReceiptProcessor receipts, Clock clock) {
        this.store = store;
        this.intake = intake;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** A delivery this instance sent (it holds it in SENDING), with what the channel made of it. */
    record Sent(Delivery delivery, SendOutcome outcome) {
    }

    void settle(List<Sent> batch) {
        Instant now = clock.instant();
        List<DeliveryChange> changes = new ArrayList<>(batch.size());
        List<Delivery> failingOver = new ArrayList<>();
        List<SentSms> sentSms = new ArrayList<>();
        for (Sent sent : batch) {
            Delivery delivery = sent.delivery();
            if (sent.outcome() instanceof SendOutcome.Accepted accepted) {
                DeliveryChange sentChange = delivery.sent(accepted.provider(), accepted.parts(), accepted.messageIds(),
                        accepted.answers(), now);
                changes.add(sentChange);
                if (delivery.channel() == Channel.SMS && !accepted.messageIds().isEmpty()) {
                    // its receipt may well come before the relay's next pass: both events then leave together
                    sentChange.eventsMayWait();
                    sentSms.add(delivery.sentSms());
                }
            } else if (sent.outcome() instanceof SendOutcome.Refused refused) {
                Optional<Channel> next = delivery.nextChannel();
                next.ifPresent(channel -> failingOver.add(delivery));
                changes.add(delivery.failed(refused.reason(), refused.answers(), next, now));
            } else if (sent.outcome() instanceof SendOutcome.Unknown unknown) {
                changes.add(delivery.failed("outcome-unknown: " + unknown.reason(), unknown.answers(), Optional.empty(),
                        now));
            }
        }
        // every write below is idempotent: a change that applied no longer matches, an insert is a duplicate
        retrying(() -> {
            failingOver.forEach(intake::queueNextChannel);
            int applied = store.applyAll(changes);
            if (applied < changes.size()) {
                log.warn("{} of {} deliveries were declared interrupted while their send was still running; "
                        + "keeping that verdict", changes.size() - applied, changes.size());
            }
        });
        receipts.sent(sentSms);
    }

    private static void retrying(Runnable writes) {
        Duration backOff = FIRST_BACK_OFF;
        for (int attempt = 1; ; attempt++) {
            try {
                writes.run();
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.warn("Recording send outcomes failed (attempt {} of {}), retrying: {}", attempt, ATTEMPTS, e.toString());
                try {
                    Thread.sleep(backOff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backOff = backOff.multipliedBy(2);
            }
        }
    }
}

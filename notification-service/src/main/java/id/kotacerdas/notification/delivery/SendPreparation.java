package id.kotacerdas.notification.delivery;

import id.kotacerdas.contracts.notification.Channel;
import id.kotacerdas.contracts.notification.NotificationPriority;
import id.kotacerdas.notification.recipient.OptOuts;
import id.kotacerdas.notification.template.RenderedMessage;
import id.kotacerdas.notification.template.TemplateCatalog;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The first half of a dispatch batch: renders each message, fails (over) the deliveries this channel cannot send
 * (unknown template, no address, opted out), and moves the others QUEUED → SENDING in one bulk write before any
 * provider is called. Only the deliveries whose move applied are returned: another worker or instance holds the rest.
 */
@Component
class SendPreparation {

    private final TemplateCatalog templates;
    private final OptOuts optOuts;
    private final DeliveryStore store;
    private final DeliveryIntake intake;
    private final Clock clock;

    SendPreparation(TemplateCatalog templates, OptOuts optOuts, DeliveryStore store, DeliveryIntake intake, Clock clock) {
        this.templates = templates;
        this.optOuts = optOuts;
        this.store = store;
        this.intake = intake;
        this.clock = clock;
    }

    /** A delivery this instance now holds in SENDING, with its message. */
    record ReadyToSend(Delivery delivery, RenderedMessage message) {
    }

    List<ReadyToSend> prepare(List<Delivery> batch, ChannelSender sender) {
        Instant now = clock.instant();
        List<ReadyToSend> sendable = new ArrayList<>(batch.size());
        List<DeliveryChange> unsendable = new ArrayList<>();
        for (Delivery delivery : batch) {
            if (delivery.state() != DeliveryState.QUEUED || delivery.dueAt().isAfter(now)) {
                continue;
            }
            Optional<RenderedMessage> message = templates.render(delivery.template(), delivery.locale(),
                    delivery.parameters(), delivery.recipientName());
            if (message.isEmpty()) {
                unsendable.add(delivery.failed("unknown-template", List.of(), Optional.empty(), now));
            } else if (!sender.hasAddress(delivery)) {
                unsendable.add(failOver(delivery, "no-" + delivery.channel().name().toLowerCase() + "-address",
                        List.of(), now));
            } else {
                sendable.add(new ReadyToSend(delivery, message.get()));
            }
        }
        sendable = withoutOptedOut(sendable, unsendable, now);
        store.applyAll(unsendable);
        return startSending(sendable, now);
    }

    /** Non-critical SMS to numbers that opted out fail over to the next channel, looked up once per batch. */
    private List<ReadyToSend> withoutOptedOut(List<ReadyToSend> sendable, List<DeliveryChange> unsendable, Instant now) {
        List<String> phones = sendable.stream().map(ReadyToSend::delivery).filter(SendPreparation::respectsOptOut)
                .map(Delivery::phone).toList();
        Set<String> optedOut = phones.isEmpty() ? Set.of() : optOuts.optedOut(phones);
        if (optedOut.isEmpty()) {
            return sendable;
        }
        List<ReadyToSend> remaining = new ArrayList<>(sendable.size());
        for (ReadyToSend ready : sendable) {
            Delivery delivery = ready.delivery();
            if (respectsOptOut(delivery) && optedOut.contains(delivery.phone())) {
                unsendable.add(failOver(delivery, "opted-out",
                        List.of(Attempt.of(null, "skipped", "recipient opted out of SMS")), now));
            } else {
                remaining.add(ready);
            }
        }
        return remaining;
    }

    private static boolean respectsOptOut(Delivery delivery) {
        return delivery.channel() == Channel.SMS && delivery.priority() != NotificationPriority.CRITICAL;
    }

    private DeliveryChange failOver(Delivery delivery, String reason, List<Attempt> answers, Instant now) {
        return delivery.failed(reason, answers, intake.queueNextChannel(delivery), now);
    }

    /** QUEUED → SENDING for the whole batch under one sender token; keeps those whose move applied. */
    private List<ReadyToSend> startSending(List<ReadyToSend> sendable, Instant now) {
        if (sendable.isEmpty()) {
            return sendable;
        }
        String sendingBy = UUID.randomUUID().toString();
        List<DeliveryChange> changes = new ArrayList<>(sendable.size());
        sendable.forEach(ready -> changes.add(ready.delivery().startSending(sendingBy, now)));
        if (store.applyAll(changes) == changes.size()) {
            return sendable;
        }
        Set<String> held = store.heldBy(sendable.stream().map(ready -> ready.delivery().id()).toList(), sendingBy);
        return sendable.stream().filter(ready -> held.contains(ready.delivery().id())).toList();
    }
}

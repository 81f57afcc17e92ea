package id.kotacerdas.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies delivery receipts in batches. A receipt is acknowledged to the SMSC only once it is stored: the session
 * thread that received it waits while one writer thread applies every receipt that has arrived meanwhile
 * ({@link ReceiptBatch}) in a few writes.
 * <p>
 * Receipts find their delivery by the provider's message id: in memory for what this instance sent, else by the
 * deliveries' index of message ids. A receipt can overtake the save of its message id (the SMSC answers fast), so one
 * that matches nothing waits here and is applied as soon as that save happened.
 */
@Component
public class ReceiptProcessor implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReceiptProcessor.class);
    private static final Duration KEEP_UNMATCHED = Duration.ofMinutes(10);
    private static final Duration RECEIPTS_OVERDUE = Duration.ofDays(2);
    private static final Duration STORE_WAIT = Duration.ofSeconds(20);
    private static final int MAX_BATCH = 500;

    private final ReceiptBatch batches;
    private final Clock clock;
    private final BlockingQueue<PendingReceipt> arrived = new LinkedBlockingQueue<>();
    private final Map<String, PendingReceipt> unmatched = new ConcurrentHashMap<>();
    /** Message id → what this instance sent, so a receipt finds its delivery without a query. */
    private final Map<String, SentHere> sentHere = new ConcurrentHashMap<>();
    private final Thread writer;
    private volatile boolean open = true;

    ReceiptProcessor(ReceiptBatch batches, Clock clock) {
        this.batches = batches;
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "receipt-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Stores one part's receipt, returning once it is stored (or, when it matches nothing yet, kept to be applied
     * when its message id is saved).
     *
     * @throws IllegalStateException when it could not be stored: the SMSC should deliver it again
     */
    public void onReceipt(String messageId, boolean delivered, String receiptState) {
        PendingReceipt receipt = new PendingReceipt(messageId, delivered, receiptState, clock.instant(),
                new CompletableFuture<>());
        arrived.add(receipt);
        try {
            receipt.stored().get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing receipt " + messageId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("receipt " + messageId + " not stored: " + e, e);
        }
    }

    /** Called once deliveries' message ids are saved: remembers them and applies receipts that came first. */
    void sent(List<SentSms> deliveries) {
        Instant now = clock.instant();
        for (SentSms sent : deliveries) {
            sent.messageIds().forEach(messageId -> sentHere.put(messageId, new SentHere(sent, now)));
        }
        for (SentSms sent : deliveries) {
            sent.messageIds().forEach(this::retryIfUnmatched);
        }
    }

    private void writeLoop() {
        while (open) {
            List<PendingReceipt> batch = List.of();
            try {
                // no lingering: the SMSC waits for each acknowledgement (a few in flight), so waiting for more
                // receipts would only slow them all down; whatever arrived during the last write is one batch
                batch = Batches.take(arrived, MAX_BATCH, Duration.ZERO);
                if (batch.isEmpty()) {
                    continue;
                }
                store(batch);
                batch.forEach(receipt -> receipt.stored().complete(null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{} receipts could not be stored; the SMSC is asked to deliver them again: {}", batch.size(),
                        e.toString());
                batch.forEach(receipt -> receipt.stored().completeExceptionally(e));
            }
        }
    }

    private void store(List<PendingReceipt> batch) {
        Map<String, SentSms> known = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (PendingReceipt receipt : batch) {
            SentHere here = sentHere.get(receipt.messageId());
            if (here != null) {
                known.put(receipt.messageId(), here.sms());
            } else {
                unknown.add(receipt.messageId());
            }
        }
        known.putAll(batches.lookUp(unknown));
        List<PendingReceipt> matched = new ArrayList<>(batch.size());
        for (PendingReceipt receipt : batch) {
            if (known.containsKey(receipt.messageId())) {
                matched.add(receipt);
            } else {
                keepUnmatched(receipt);
            }
        }
        batches.apply(matched, known, clock.instant()).forEach(this::forget);
    }

    private void keepUnmatched(PendingReceipt receipt) {
        unmatched.put(receipt.messageId(), receipt);
        // the sending side may have registered the id between our look-up and the put
        if (sentHere.containsKey(receipt.messageId())) {
            retryIfUnmatched(receipt.messageId());
        }
    }

    private void retryIfUnmatched(String messageId) {
        PendingReceipt early = unmatched.remove(messageId);
        if (early != null) {
            arrived.add(early.again());
        }
    }

    /** A finished delivery gets no more receipts that matter. */
    private void forget(SentSms finished) {
        finished.messageIds().forEach(sentHere::remove);
    }

    @Scheduled(fixedDelay = 60_000)
    public void forgetStaleReceipts() {
        Instant now = clock.instant();
        unmatched.values().removeIf(receipt -> receipt.at().isBefore(now.minus(KEEP_UNMATCHED)));
        sentHere.values().removeIf(sent -> sent.at().isBefore(now.minus(RECEIPTS_OVERDUE)));
    }

    @Override
    public void destroy() {
        open = false;
        writer.interrupt();
    }

    private record SentHere(SentSms sms, Instant at) {
    }

    /** @param stored completed once the receipt is stored (or kept unmatched); its SMPP acknowledgement waits for it */
    record PendingReceipt(String messageId, boolean delivered, String state, Instant at,
                          CompletableFuture<Void> stored) {

        /** The same receipt applied again later, with nobody waiting for it any more. */
        PendingReceipt again() {
            return new PendingReceipt(messageId, delivered, state, at, new CompletableFuture<>());
        }
    }
}

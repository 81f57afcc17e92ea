package id.kotacerdas.notification.inbound;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import id.kotacerdas.notification.sms.MobileOriginated;
import id.kotacerdas.notification.sms.SmsEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Puts long texts back together. A handset splits a text of more than 160 characters into parts, each its own
 * deliver_sm, which may arrive out of order, more than once, at different instances of this service, or not at all.
 * The parts of one message are gathered in one document, keyed by a hash of sender, receiving number, the handset's
 * reference and the number of parts (no phone number in the key, which ends up in ids and logs), each recorded before
 * its deliver_sm is acknowledged. Whoever records the last part gets the message back; one whose parts stop coming
 * is given up on after {@code segment-wait} and handed over as far as it came ({@link #overdue}). A handed-over
 * group is kept for {@code segment-redelivery-window}, so that an SMSC delivering a part again (its
 * deliver_sm_resp lost) is recognised; a part that differs from the one kept starts a new message, as handsets
 * reuse references.
 */
@Component
class SegmentAssembly {

    private static final String COLLECTION = "inbound_sms_segments";
    /** Marks where an overdue message lacks parts. */
    private static final String MISSING_PART = " … ";
    private static final String OPEN = "OPEN";
    private static final String HANDED_OVER = "HANDED_OVER";
    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Duration segmentWait;
    private final Duration redeliveryWindow;

    SegmentAssembly(MongoTemplate mongo,
                    @Value("${notification.sms.inbound.segment-wait:PT5M}") Duration segmentWait,
                    @Value("${notification.sms.inbound.segment-redelivery-window:PT1H}") Duration redeliveryWindow) {
        this.mongo = mongo;
        this.segmentWait = segmentWait;
        this.redeliveryWindow = redeliveryWindow;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state", Sort.Direction.ASC)
                .on("openedAt", Sort.Direction.ASC).named("state_openedAt"));
    }

    /** A message as far as its parts arrived; {@code messageId} is the same whoever assembles it. */
    record Assembled(String groupId, Date openedAt, String messageId, String provider, String sender, String to,
                     String text, boolean complete) {
    }

    /**
     * Records one part ({@code sender} already in international form).
     *
     * @return the message, when this part was the last one missing
     */
    Optional<Assembled> record(String provider, String sender, MobileOriginated part, Instant now) {
        MobileOriginated.Segment segment = part.segment();
        String groupId = groupId(sender, part.to(), segment);
        String sequence = Integer.toString(segment.sequence());
        Document recorded = new Document("dataCoding", (int) part.dataCoding()).append("body", new Binary(part.body()));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document group = mongo.findById(groupId, Document.class, COLLECTION);
            if (group == null) {
                if (opened(groupId, provider, sender, part.to(), segment.total(), sequence, recorded, now)) {
                    return Optional.empty();
                }
            } else if (HANDED_OVER.equals(group.getString("state"))) {
                if (recorded.equals(segments(group).get(sequence)) || reopened(group, provider, sequence, recorded, now)) {
                    return Optional.empty(); // delivered again, or the first part of a new message under a reused reference
                }
            } else {
                Document updated = mongo.findAndModify(
                        Query.query(where("_id").is(groupId).and("openedAt").is(group.get("openedAt")).and("state").is(OPEN)),
                        new Update().set("segments." + sequence, recorded),
                        FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
                if (updated != null) {
                    return segments(updated).size() >= updated.getInteger("total")
                            ? Optional.of(assemble(updated)) : Optional.empty();
                }
            }
        }
        throw new IllegalStateException("part " + sequence + " of message " + groupId + " not recorded: changed "
                + ATTEMPTS + " times while recording it");
    }

    /** The messages whose missing parts are no longer waited for, as far as they came, oldest first. */
    List<Assembled> overdue(Instant now) {
        Query open = Query.query(where("state").is(OPEN).and("openedAt").lte(Date.from(now.minus(segmentWait))))
                .with(Sort.by("openedAt")).limit(100);
        return mongo.find(open, Document.class, COLLECTION).stream().map(SegmentAssembly::assemble).toList();
    }

    /** The message is with intake's topic; its parts are kept a while to recognise a part delivered again. */
    void handedOver(Assembled message, Instant now) {
        mongo.updateFirst(Query.query(where("_id").is(message.groupId()).and("openedAt").is(message.openedAt())),
                new Update().set("state", HANDED_OVER).set("handedOverAt", Date.from(now)), COLLECTION);
    }

    /** Forgets messages handed over longer ago than a part can be delivered again. */
    long forgetHandedOver(Instant now) {
        Query old = Query.query(where("state").is(HANDED_OVER)
                .and("openedAt").lte(Date.from(now.minus(redeliveryWindow))));
        return mongo.remove(old, COLLECTION).getDeletedCount();
    }

    private boolean opened(String groupId, String provider, String sender, String to, int total, String sequence,
                           Document recorded, Instant now) {
        try {
            mongo.insert(new Document("_id", groupId).append("state", OPEN).append("provider", provider)
                    .append("sender", sender).append("to", to).append("total", total).append("openedAt", Date.from(now))
                    .append("segments", new Document(sequence, recorded)), COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private boolean reopened(Document group, String provider, String sequence, Document recorded, Instant now) {
        return mongo.updateFirst(
                Query.query(where("_id").is(group.get("_id")).and("openedAt").is(group.get("openedAt"))
                        .and("state").is(HANDED_OVER)),
                new Update().set("state", OPEN).set("provider", provider).set("openedAt", Date.from(now))
                        .set("segments", new Document(sequence, recorded)).unset("handedOverAt"),
                COLLECTION).getModifiedCount() == 1;
    }

    /**
     * The parts in order. All parts of one coding are joined before decoding (a character may straddle two); an
     * incomplete message marks each gap.
     */
    private static Assembled assemble(Document group) {
        TreeMap<Integer, Document> bySequence = new TreeMap<>();
        segments(group).forEach((sequence, part) -> bySequence.put(Integer.valueOf(sequence), (Document) part));
        int total = group.getInteger("total");
        boolean complete = bySequence.size() >= total;
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream run = new ByteArrayOutputStream();
        Integer runCoding = null;
        int expected = 1;
        for (var entry : bySequence.entrySet()) {
            int coding = entry.getValue().getInteger("dataCoding");
            boolean gap = entry.getKey() != expected;
            if (runCoding != null && (gap || coding != runCoding)) {
                text.append(SmsEncoding.decode(run.toByteArray(), runCoding.byteValue()));
                run.reset();
            }
            if (gap) {
                text.append(MISSING_PART);
            }
            run.writeBytes(bytes(entry.getValue().get("body")));
            runCoding = coding;
            expected = entry.getKey() + 1;
        }
        if (runCoding != null) {
            text.append(SmsEncoding.decode(run.toByteArray(), runCoding.byteValue()));
        }
        if (expected <= total) {
            text.append(MISSING_PART);
        }
        Date openedAt = group.getDate("openedAt");
        String messageId = UUID.nameUUIDFromBytes((group.getString("_id") + "@" + openedAt.getTime())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new Assembled(group.getString("_id"), openedAt, messageId, group.getString("provider"),
                group.getString("sender"), group.getString("to"), text.toString().strip(), complete);
    }

    private static Document segments(Document group) {
        Object segments = group.get("segments");
        return segments instanceof Document document ? document : new Document();
    }

    private static byte[] bytes(Object body) {
        return body instanceof Binary binary ? binary.getData() : (byte[]) body;
    }

    private static String groupId(String sender, String to, MobileOriginated.Segment segment) {
        String key = String.join("|", sender, String.valueOf(to), Integer.toString(segment.reference()),
                Integer.toString(segment.total()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package id.kotacerdas.notification.recipient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;

/** Numbers that sent STOP / BERHENTI: no non-critical SMS until they send MULAI. Kept by keyed hash only. */
@Component
public class OptOuts {

    static final String COLLECTION = "opt_outs";

    private final MongoTemplate mongo;
    private final RecipientKeys keys;

    public OptOuts(MongoTemplate mongo, RecipientKeys keys) {
        this.mongo = mongo;
        this.keys = keys;
    }

    public void optOut(String phone, Instant at) {
        String key = keys.ofPhone(phone);
        mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", key),
                new Document("_id", key).append("optedOutAt", java.util.Date.from(at)), new ReplaceOptions().upsert(true));
    }

    public void optIn(String phone) {
        mongo.getCollection(COLLECTION).deleteOne(Filters.eq("_id", keys.ofPhone(phone)));
    }

    /** Of these numbers, those that opted out, in one look-up. */
    public Set<String> optedOut(Collection<String> phones) {
        Map<String, List<String>> phonesByKey = new HashMap<>();
        for (String phone : phones) {
            String key = keys.ofPhone(phone);
            if (key != null) {
                phonesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(phone);
            }
        }
        Set<String> optedOut = new HashSet<>();
        if (phonesByKey.isEmpty()) {
            return optedOut;
        }
        for (Document found : mongo.getCollection(COLLECTION).find(Filters.in("_id", phonesByKey.keySet()))
                .projection(Projections.include("_id"))) {
            optedOut.addAll(phonesByKey.getOrDefault(found.getString("_id"), List.of()));
        }
        return optedOut;
    }
}

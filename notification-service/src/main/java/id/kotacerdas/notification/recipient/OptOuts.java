package id.kotacerdas.notification.recipient;

import java.time.Instant;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import com.mongodb.client.model.Filters;
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

    public boolean isOptedOut(String phone) {
        String key = keys.ofPhone(phone);
        return key != null && mongo.getCollection(COLLECTION).find(Filters.eq("_id", key)).first() != null;
    }
}

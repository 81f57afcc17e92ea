package id.kotacerdas.intake.open311;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code media_url} an Open311 client gave with a request (a link to a photo hosted elsewhere), kept
 * beside the report under the report's id, since reports store uploaded photos only.
 */
@Component
class MediaUrls {

    static final String COLLECTION = "open311_media";

    private final MongoTemplate mongo;

    MediaUrls(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** An upsert by report id: a repeated save (a retried request) changes nothing. */
    void save(String reportId, String mediaUrl) {
        mongo.upsert(Query.query(Criteria.where("_id").is(reportId)), Update.update("mediaUrl", mediaUrl), COLLECTION);
    }

    Map<String, String> of(Collection<String> reportIds) {
        Map<String, String> urls = new HashMap<>();
        if (reportIds.isEmpty()) {
            return urls;
        }
        mongo.find(Query.query(Criteria.where("_id").in(reportIds)), Document.class, COLLECTION)
                .forEach(d -> urls.put(d.getString("_id"), d.getString("mediaUrl")));
        return urls;
    }
}

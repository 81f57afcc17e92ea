package id.kotacerdas.intake.photo;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/** Cleaned photos, one document each (≤ 5 MB, well below MongoDB's 16 MB document limit). */
@Component
public class PhotoStore {

    static final String COLLECTION = "photos";

    private final MongoTemplate mongo;

    public PhotoStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent: the same report's photo n is always the same document. */
    public void save(String reportId, List<CleanPhoto> photos) {
        for (int i = 0; i < photos.size(); i++) {
            CleanPhoto photo = photos.get(i);
            String id = reportId + "/" + (i + 1);
            mongo.getCollection(COLLECTION).replaceOne(Filters.eq("_id", id), new Document("_id", id)
                    .append("reportId", reportId).append("index", i + 1).append("contentType", photo.contentType())
                    .append("data", new Binary(photo.content())), new ReplaceOptions().upsert(true));
        }
    }

    public Optional<CleanPhoto> find(String reportId, int index) {
        Document doc = mongo.getCollection(COLLECTION).find(Filters.eq("_id", reportId + "/" + index)).first();
        if (doc == null) {
            return Optional.empty();
        }
        return Optional.of(new CleanPhoto(doc.getString("contentType"), doc.get("data", Binary.class).getData()));
    }
}

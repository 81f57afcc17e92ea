package id.kotacerdas.gateway.identity;

import com.mongodb.client.result.UpdateResult;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** The gateway's own database: API clients by id and by key hash (unique). */
@Component
public class ClientStore {

    private final ReactiveMongoTemplate mongo;

    public ClientStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> ensureIndexes() {
        return mongo.indexOps(ApiClient.class)
                .createIndex(new Index().on("keyHash", Sort.Direction.ASC).unique().named("keyHash_unique"))
                .then();
    }

    public Mono<ApiClient> insert(ApiClient client) {
        return mongo.insert(client);
    }

    /** Creates or replaces a client under a fixed id (bootstrap and demo clients). */
    public Mono<ApiClient> put(ApiClient client) {
        return mongo.findAndReplace(Query.query(Criteria.where("_id").is(client.id())), client,
                FindAndReplaceOptions.options().upsert().returnNew());
    }

    public Mono<ApiClient> findById(String id) {
        return mongo.findById(id, ApiClient.class);
    }

    public Mono<ApiClient> findActiveByKeyHash(String keyHash) {
        return mongo.findOne(Query.query(Criteria.where("keyHash").is(keyHash).and("revokedAt").is(null)),
                ApiClient.class);
    }

    public Flux<ApiClient> findAll() {
        return mongo.find(new Query().with(Sort.by("createdAt", "_id")), ApiClient.class);
    }

    /** Revokes once; a second revoke keeps the first time. */
    public Mono<Boolean> revoke(String id, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("revokedAt").is(null)),
                        new Update().set("revokedAt", at), ApiClient.class)
                .map(UpdateResult::getModifiedCount).map(count -> count > 0);
    }

    public Mono<Boolean> ping() {
        return mongo.executeCommand("{ping: 1}").map(result -> true);
    }
}

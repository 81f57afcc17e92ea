package id.kotacerdas.gateway.limits;

import id.kotacerdas.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * How many gateway instances share the platform's traffic, so that a client's allowance holds for the platform and
 * not per instance: each instance writes a heartbeat to the gateway's store and counts the instances heard from
 * within the last three heartbeats. An instance that stops cleanly leaves at once; a crashed one is not counted
 * after three heartbeats. While the store cannot be reached the last count stands.
 */
@Component
public class GatewayInstances implements SmartLifecycle {

    private static final String COLLECTION = "gateway_instances";
    private static final Logger log = LoggerFactory.getLogger(GatewayInstances.class);

    private final ReactiveMongoTemplate mongo;
    private final Duration heartbeat;
    private final Clock clock = Clock.systemUTC();
    private final String instanceId = UUID.randomUUID().toString();
    private volatile int live = 1;
    private volatile boolean storeUnreachable;
    private Disposable beating;

    public GatewayInstances(ReactiveMongoTemplate mongo, GatewayProperties properties) {
        this.mongo = mongo;
        this.heartbeat = properties.rateLimit().instanceHeartbeat();
    }

    /** The instances sharing the traffic, this one included (at least 1). */
    public int live() {
        return live;
    }

    @Override
    public synchronized void start() {
        beating = Flux.interval(Duration.ZERO, heartbeat)
                .onBackpressureDrop()
                .concatMap(tick -> beat(), 1)
                .subscribe();
    }

    private Mono<Integer> beat() {
        Instant now = clock.instant();
        return mongo.upsert(Query.query(Criteria.where("_id").is(instanceId)), new Update().set("seenAt", Date.from(now)),
                        COLLECTION)
                .then(mongo.count(Query.query(Criteria.where("seenAt").gte(Date.from(now.minus(heartbeat.multipliedBy(3))))),
                        COLLECTION))
                .map(count -> (int) Math.max(1, count))
                .doOnNext(this::counted)
                .onErrorResume(e -> {
                    if (!storeUnreachable) {
                        storeUnreachable = true;
                        log.warn("Gateway heartbeat not written ({}); rate limits stay shared by {} instance(s)",
                                e.toString(), live);
                    }
                    return Mono.empty();
                });
    }

    private void counted(int count) {
        storeUnreachable = false;
        if (count != live) {
            log.info("{} gateway instance(s) share the rate limits", count);
            live = count;
        }
    }

    @Override
    public synchronized void stop() {
        if (beating != null) {
            beating.dispose();
            beating = null;
            mongo.remove(Query.query(Criteria.where("_id").is(instanceId)), COLLECTION)
                    .timeout(Duration.ofSeconds(2))
                    .onErrorResume(e -> Mono.empty())
                    .block();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return beating != null;
    }
}

package org.clusterbridge.events.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.clusterbridge.events.BackboneConfig;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.outbox.EventPublisher;
import org.clusterbridge.events.outbox.OutboxRelay;
import org.clusterbridge.events.outbox.OutboxStore;
import org.clusterbridge.events.outbox.PendingEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Updates;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The outbox of a MongoDB service. Pending events live in the changed document's {@code outbox} array and are
 * written by the same single-document update as the change ({@link #push}); no multi-document transaction is
 * needed. The relay publishes a document's events in array order and pulls them once Kafka acknowledged. A
 * lease document lets one instance relay at a time.
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.outbox.mongodb.enabled", stringValue = "true")
public class MongoOutbox implements OutboxStore {

    public static final String FIELD = "outbox";
    static final String LEASES = "outbox_leases";

    private final MongoDatabase database;
    private final List<String> collections;
    private final CloudEvents cloudEvents;
    private final OutboxRelay relay;
    private final BackboneConfig config;
    private final String instance = UUID.randomUUID().toString();

    MongoOutbox(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            @ConfigProperty(name = "clusterbridge.outbox.mongodb.collections") List<String> collections,
            CloudEvents cloudEvents, OutboxRelay relay, BackboneConfig config) {
        this.database = client.getDatabase(database);
        this.collections = collections;
        this.cloudEvents = cloudEvents;
        this.relay = relay;
        this.config = config;
        for (String collection : collections) {
            this.database.getCollection(collection).createIndex(Indexes.ascending(FIELD + ".id"),
                    new IndexOptions().sparse(true).name("outbox_pending"));
        }
    }

    /** The update that appends the events to the document's outbox; combine it with the change itself. */
    public Bson push(String topic, CloudEvent... events) {
        return Updates.pushEach(FIELD, pending(topic, events));
    }

    /** The outbox entries of the events, for the {@code outbox} field of a document being inserted. */
    public List<Document> pending(String topic, CloudEvent... events) {
        List<Document> pending = new ArrayList<>(events.length);
        for (CloudEvent event : events) {
            pending.add(new Document("id", event.id().toString())
                    .append("topic", topic)
                    .append("key", event.subject())
                    .append("type", event.type())
                    .append("sequence", event.sequence())
                    .append("payload", cloudEvents.write(event))
                    .append("createdAt", new Date()));
        }
        return pending;
    }

    /** Call after the update that carried {@link #push} was acknowledged by MongoDB. */
    public void committed() {
        relay.wake();
    }

    @Override
    public String name() {
        return "mongodb";
    }

    @Override
    public int relayBatch(int max, EventPublisher publisher) {
        if (!acquireLease()) {
            return HELD_ELSEWHERE;
        }
        Map<MongoCollection<Document>, Map<Object, List<String>>> published = new LinkedHashMap<>();
        List<PendingEvent> batch = new ArrayList<>();
        for (String name : collections) {
            MongoCollection<Document> collection = database.getCollection(name);
            for (Document document : collection.find(exists(FIELD + ".id")).limit(max)) {
                List<Document> events = document.getList(FIELD, Document.class, List.of());
                List<String> ids = new ArrayList<>();
                for (Document event : events) {
                    batch.add(new PendingEvent(event.getString("id"), event.getString("topic"), event.getString("key"),
                            event.getString("payload"), event.getDate("createdAt").toInstant()));
                    ids.add(event.getString("id"));
                }
                published.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(document.get("_id"), ids);
                if (batch.size() >= max) {
                    break;
                }
            }
            if (batch.size() >= max) {
                break;
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        publisher.publish(batch);
        published.forEach((collection, byDocument) -> byDocument.forEach((id, eventIds) -> collection.updateOne(
                eq("_id", id), Updates.pull(FIELD, new Document("id", new Document("$in", eventIds))))));
        return batch.size();
    }

    @Override
    public long pendingCount() {
        long count = 0;
        for (String name : collections) {
            for (Document stats : database.getCollection(name).aggregate(List.of(
                    new Document("$match", new Document(FIELD + ".id", new Document("$exists", true))),
                    new Document("$unwind", "$" + FIELD),
                    new Document("$count", "n")))) {
                count += ((Number) stats.get("n")).longValue();
            }
        }
        return count;
    }

    @Override
    public Optional<Instant> oldestPending() {
        Instant oldest = null;
        for (String name : collections) {
            for (Document stats : database.getCollection(name).aggregate(List.of(
                    new Document("$match", new Document(FIELD + ".id", new Document("$exists", true))),
                    new Document("$unwind", "$" + FIELD),
                    new Document("$group", new Document("_id", null)
                            .append("oldest", new Document("$min", "$" + FIELD + ".createdAt")))))) {
                Date date = stats.getDate("oldest");
                if (date != null && (oldest == null || date.toInstant().isBefore(oldest))) {
                    oldest = date.toInstant();
                }
            }
        }
        return Optional.ofNullable(oldest);
    }

    /** Deletes the lease if this instance holds it; another instance's lease is left alone. */
    @Override
    public void releaseRelay() {
        database.getCollection(LEASES).deleteOne(and(eq("_id", "relay"), eq("owner", instance)));
    }

    private boolean acquireLease() {
        Date now = new Date();
        Date until = new Date(now.getTime() + config.relay().leaseDuration().toMillis());
        try {
            database.getCollection(LEASES).findOneAndUpdate(
                    and(eq("_id", "relay"), or(eq("owner", instance), lt("expiresAt", now))),
                    Updates.combine(Updates.set("owner", instance), Updates.set("expiresAt", until)),
                    new FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } catch (MongoCommandException e) {
            if (e.getErrorCode() == 11000) {
                return false;
            }
            throw e;
        }
    }
}

package org.clusterbridge.events.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.jboss.logging.Logger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The outbox of a MongoDB service. Pending events live in the changed document's {@code outbox} array and are
 * written by the same single-document update as the change ({@link #push}); no multi-document transaction is
 * needed. The relay publishes a document's events in array order and pulls them once Kafka acknowledged. A
 * lease document lets one instance relay at a time.
 * <p>
 * Which documents hold pending events is noted in {@code outbox_pending}, one note per changed document (its
 * {@code _id} the document's, which is its events' subject): the relay reads the notes, then the documents by
 * {@code _id}, so that no poll reads the collections themselves (a query over {@code outbox.id} is one index range
 * on MongoDB, but a scan of every document on a server without secondary indexes). A write is noted twice: while it
 * is built ({@link #pending}, {@link #push}), so that a crash after the write leaves its note, and once it is
 * acknowledged ({@link #committed(Object)}). Once the relay has relayed a document it removes the note, then reads
 * the document again and notes it anew if it holds events by then: a write acknowledged before that removal is
 * seen by the second read, and one acknowledged after it notes itself again. A note whose write never happened
 * names a document that holds nothing, and goes. A sweep by {@code outbox.id} at the relay's first poll (after a
 * start, or on taking the lease over), then every {@code clusterbridge.events.relay.sweep-interval}, finds events
 * written before the notes existed.
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.outbox.mongodb.enabled", stringValue = "true")
public class MongoOutbox implements OutboxStore {

    public static final String FIELD = "outbox";
    static final String LEASES = "outbox_leases";
    static final String NOTES = "outbox_pending";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoDatabase database;
    private final List<String> collections;
    private final MongoCollection<Document> notes;
    private final CloudEvents cloudEvents;
    private final OutboxRelay relay;
    private final BackboneConfig config;
    private final String instance = UUID.randomUUID().toString();
    private volatile Instant nextSweep = Instant.MIN;
    private volatile boolean leaseHeld;
    private static final Logger LOG = Logger.getLogger(MongoOutbox.class);

    MongoOutbox(MongoClient client, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            @ConfigProperty(name = "clusterbridge.outbox.mongodb.collections") List<String> collections,
            CloudEvents cloudEvents, OutboxRelay relay, BackboneConfig config) {
        this.database = client.getDatabase(database);
        this.collections = collections;
        this.notes = this.database.getCollection(NOTES);
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

    /**
     * The outbox entries of the events, for the {@code outbox} field of a document being inserted; notes their
     * subjects (the {@code _id} of the document that will hold them) for the relay before the write is sent.
     */
    public List<Document> pending(String topic, CloudEvent... events) {
        List<Document> pending = new ArrayList<>(events.length);
        Set<String> subjects = new LinkedHashSet<>();
        for (CloudEvent event : events) {
            subjects.add(event.subject());
            pending.add(new Document("id", event.id().toString())
                    .append("topic", topic)
                    .append("key", event.subject())
                    .append("type", event.type())
                    .append("sequence", event.sequence())
                    .append("payload", cloudEvents.write(event))
                    .append("createdAt", new Date()));
        }
        note(subjects);
        return pending;
    }

    /**
     * Call after the write that carried {@link #push} or {@link #pending} was acknowledged by MongoDB, with the
     * {@code _id} of the document it wrote: notes the document for the relay and wakes it.
     */
    public void committed(Object documentId) {
        try {
            note(List.of(documentId));
        } catch (RuntimeException e) {
            // The write is stored: the next poll's sweep finds its events.
            nextSweep = Instant.MIN;
            LOG.debugf("outbox note of %s not written, left to the sweep: %s", documentId, e.getMessage());
        }
        relay.wake();
    }

    @Override
    public String name() {
        return "mongodb";
    }

    @Override
    public int relayBatch(int max, EventPublisher publisher) {
        if (!acquireLease()) {
            leaseHeld = false;
            return HELD_ELSEWHERE;
        }
        if (!leaseHeld) {
            // Taken over (or first held): what the previous holder left unnoted is found now.
            nextSweep = Instant.MIN;
            leaseHeld = true;
        }
        sweepIfDue();
        for (int round = 0; round < 10; round++) {
            List<Object> noted = new ArrayList<>();
            notes.find().limit(max).forEach(note -> noted.add(note.get("_id")));
            if (noted.isEmpty()) {
                return 0;
            }
            int published = publish(noted, max, publisher);
            if (published > 0) {
                return published;
            }
            // Every note read named a document that holds nothing: settled, the next notes are read.
        }
        return 0;
    }

    /** The events of the noted documents, published, pulled and their notes settled; how many went out. */
    private int publish(List<Object> noted, int max, EventPublisher publisher) {
        Map<MongoCollection<Document>, Map<Object, List<String>>> published = new LinkedHashMap<>();
        List<PendingEvent> batch = new ArrayList<>();
        Set<Object> read = new LinkedHashSet<>();
        reading: for (String name : collections) {
            MongoCollection<Document> collection = database.getCollection(name);
            for (List<Object> chunk : ByIds.chunks(noted)) {
                for (Document document : collection.find(ByIds.filter(chunk))) {
                    List<Document> events = document.getList(FIELD, Document.class, List.of());
                    if (events.isEmpty()) {
                        continue;
                    }
                    List<String> ids = new ArrayList<>();
                    for (Document event : events) {
                        batch.add(new PendingEvent(event.getString("id"), event.getString("topic"),
                                event.getString("key"), event.getString("payload"),
                                event.getDate("createdAt").toInstant()));
                        ids.add(event.getString("id"));
                    }
                    published.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(document.get("_id"), ids);
                    read.add(document.get("_id"));
                    if (batch.size() >= max) {
                        break reading;
                    }
                }
            }
        }
        if (!batch.isEmpty()) {
            publisher.publish(batch);
            published.forEach((collection, byDocument) -> byDocument.forEach((id, eventIds) -> collection.updateOne(
                    eq("_id", id), Updates.pull(FIELD, new Document("id", new Document("$in", eventIds))))));
        }
        // The notes of the documents relayed, and of those that held nothing; not those left for the next batch.
        List<Object> settled = new ArrayList<>(read);
        boolean complete = batch.size() < max;
        if (complete) {
            noted.stream().filter(id -> !read.contains(id)).forEach(settled::add);
        }
        settle(settled);
        return batch.size();
    }

    /**
     * Removes the notes of {@code ids}, then notes again those whose documents hold events by now (written while
     * they were relayed).
     */
    private void settle(List<Object> ids) {
        if (ids.isEmpty()) {
            return;
        }
        ByIds.delete(notes, ids);
        Set<Object> again = new LinkedHashSet<>();
        for (String name : collections) {
            ByIds.find(database.getCollection(name), ids, query -> query.projection(Projections.include(FIELD)),
                    document -> {
                        if (!document.getList(FIELD, Document.class, List.of()).isEmpty()) {
                            again.add(document.get("_id"));
                        }
                    });
        }
        note(again);
    }

    /** Notes the documents whose events no note names (at the first poll, then every sweep interval). */
    private void sweepIfDue() {
        Instant now = Instant.now();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(config.relay().sweepInterval());
        Set<Object> found = new LinkedHashSet<>();
        for (String name : collections) {
            database.getCollection(name).find(exists(FIELD + ".id")).projection(Projections.include("_id"))
                    .forEach(document -> found.add(document.get("_id")));
        }
        note(found);
    }

    /** Notes these documents as pending: one upsert by {@code _id} each, together. */
    private void note(Collection<?> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Date now = new Date();
        List<WriteModel<Document>> upserts = new ArrayList<>(ids.size());
        for (Object id : ids) {
            upserts.add(new UpdateOneModel<>(eq("_id", id), Updates.setOnInsert("notedAt", now), UPSERT));
        }
        notes.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
    }

    @Override
    public long pendingCount() {
        return backlog().count();
    }

    @Override
    public Optional<Instant> oldestPending() {
        return backlog().oldest();
    }

    /** The events the noted documents hold: how many, and the oldest one's time, from one read of each. */
    @Override
    public Backlog backlog() {
        List<Object> noted = new ArrayList<>();
        notes.find().projection(Projections.include("_id")).forEach(note -> noted.add(note.get("_id")));
        long count = 0;
        Instant oldest = null;
        for (List<Object> chunk : ByIds.chunks(noted)) {
            for (String name : collections) {
                for (Document document : database.getCollection(name).find(ByIds.filter(chunk))
                        .projection(Projections.include(FIELD))) {
                    for (Document event : document.getList(FIELD, Document.class, List.of())) {
                        count++;
                        Date created = event.getDate("createdAt");
                        if (created != null && (oldest == null || created.toInstant().isBefore(oldest))) {
                            oldest = created.toInstant();
                        }
                    }
                }
            }
        }
        return new Backlog(count, Optional.ofNullable(oldest));
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

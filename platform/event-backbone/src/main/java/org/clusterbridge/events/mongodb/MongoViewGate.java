package org.clusterbridge.events.mongodb;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.views.ViewGate;

import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The version gate of MongoDB views. The view's document of an aggregate is {@code {_id: subject, latest: {sequence,
 * ...state}}}: the state sits in one embedded document whose first field is the sequence it was built from, and the
 * gate stores it with {@code $max}. MongoDB compares embedded documents field by field in order, so {@code $max}
 * replaces {@code latest} only with a newer sequence, atomically in one single-document update whose filter is the
 * {@code _id} alone: no transaction, no second key in the filter, so every write is one lookup by {@code _id} on any
 * server (an embedded one without a query planner included).
 * <p>
 * A batch first reads the sequences its aggregates hold (one query by {@code _id}), leaves out the events that are
 * not newer (redeliveries and replays cost one read), then stores the others in one unordered bulk write per
 * collection. When a concurrent writer got in between (a consumer that has just lost its partitions), the bulk
 * result tells and the sequences are read again to say which were stored; {@code $max} kept the newest either way.
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.outbox.mongodb.enabled", stringValue = "true")
public class MongoViewGate implements ViewGate<MongoViewGate.Replacement> {

    /** The embedded document that holds the aggregate's state and, first, its sequence. */
    public static final String LATEST = "latest";
    public static final String SEQUENCE = "sequence";
    private static final String LATEST_SEQUENCE = LATEST + "." + SEQUENCE;
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    /** The aggregate's whole state in {@code collection}; its {@code _id} is the event's subject. */
    public record Replacement(MongoCollection<Document> collection, Document state) {
    }

    /** The path of a state field in a view's documents, for queries and indexes. */
    public static String field(String name) {
        return LATEST + "." + name;
    }

    /** The state a view's document holds (without its sequence), or an empty document for none. */
    public static Document state(Document stored) {
        Document latest = stored == null ? null : stored.get(LATEST, Document.class);
        Document state = latest == null ? new Document() : new Document(latest);
        state.remove(SEQUENCE);
        return state;
    }

    /** The document a view stores for {@code state} at {@code sequence}, as the gate writes it. */
    public static Document stored(String id, long sequence, Document state) {
        return new Document("_id", id).append(LATEST, latest(sequence, state));
    }

    @Override
    public boolean apply(String view, CloudEvent event, Replacement write) {
        return applyAll(view, List.of(new Gated<>(event, write))).get(0);
    }

    @Override
    public List<Boolean> applyAll(String view, List<Gated<Replacement>> writes) {
        Map<MongoCollection<Document>, List<Integer>> byCollection = new IdentityHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            byCollection.computeIfAbsent(writes.get(i).write().collection(), c -> new ArrayList<>()).add(i);
        }
        List<Boolean> applied = new ArrayList<>(Collections.nCopies(writes.size(), false));
        byCollection.forEach((collection, indexes) -> store(collection, writes, indexes, applied));
        return applied;
    }

    private static void store(MongoCollection<Document> collection, List<Gated<Replacement>> writes,
            List<Integer> indexes, List<Boolean> applied) {
        Map<String, Long> held = sequences(collection, indexes.stream().map(i -> writes.get(i).event().subject())
                .toList());
        List<Integer> newer = new ArrayList<>();
        List<WriteModel<Document>> models = new ArrayList<>();
        for (int index : indexes) {
            CloudEvent event = writes.get(index).event();
            Long sequence = held.get(event.subject());
            if (sequence == null || sequence < event.sequence()) {
                newer.add(index);
                models.add(new UpdateOneModel<>(eq("_id", event.subject()),
                        Updates.max(LATEST, latest(event.sequence(), writes.get(index).write().state())), UPSERT));
            }
        }
        if (models.isEmpty()) {
            return;
        }
        BulkWriteResult result = collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
        if (result.getModifiedCount() + result.getUpserts().size() == models.size()) {
            newer.forEach(index -> applied.set(index, true));
            return;
        }
        Map<String, Long> now = sequences(collection, newer.stream().map(i -> writes.get(i).event().subject())
                .toList());
        for (int index : newer) {
            CloudEvent event = writes.get(index).event();
            applied.set(index, Long.valueOf(event.sequence()).equals(now.get(event.subject())));
        }
    }

    /** The sequences the documents of {@code ids} hold, by {@code _id}; absent for none. */
    private static Map<String, Long> sequences(MongoCollection<Document> collection, List<String> ids) {
        Map<String, Long> sequences = new HashMap<>();
        ByIds.find(collection, ids, query -> query.projection(Projections.include(LATEST_SEQUENCE)), document -> {
            Document latest = document.get(LATEST, Document.class);
            Object sequence = latest == null ? null : latest.get(SEQUENCE);
            if (sequence instanceof Number number) {
                sequences.put(String.valueOf(document.get("_id")), number.longValue());
            }
        });
        return sequences;
    }

    /** The sequence first, so that comparing two of them compares their sequences. */
    private static Document latest(long sequence, Document state) {
        Document latest = new Document(SEQUENCE, sequence);
        state.forEach((key, value) -> {
            if (!"_id".equals(key) && !SEQUENCE.equals(key)) {
                latest.append(key, value);
            }
        });
        return latest;
    }

    /** The sequences live in the view's documents: emptying the store forgets them. */
    @Override
    public void reset(String view, Runnable emptyStore) {
        emptyStore.run();
    }
}

package org.clusterbridge.events.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.views.ViewGate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The version gate of MongoDB views: the view's document of an aggregate carries the {@code sequence} it was
 * built from, and one conditional upsert replaces it only with a newer state. State and sequence change in the
 * same single-document write, so no transaction is needed. When the document holds a newer or equal sequence
 * the filter misses, the upsert collides on {@code _id} and nothing changes. A batch is one unordered bulk write
 * of those upserts per collection.
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.outbox.mongodb.enabled", stringValue = "true")
public class MongoViewGate implements ViewGate<MongoViewGate.Replacement> {

    public static final String SEQUENCE = "sequence";

    /** The aggregate's whole document in {@code collection}; its {@code _id} is the event's subject. */
    public record Replacement(MongoCollection<Document> collection, Document state) {
    }

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    @Override
    public boolean apply(String view, CloudEvent event, Replacement write) {
        try {
            write.collection().replaceOne(filter(event), replacement(event, write), UPSERT);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * One unordered bulk write per collection; an upsert that collides on {@code _id} (the document holds this
     * sequence or a newer one) is a write error of its own that leaves the others stored.
     */
    @Override
    public List<Boolean> applyAll(String view, List<Gated<Replacement>> writes) {
        Map<MongoCollection<Document>, List<Integer>> byCollection = new IdentityHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            byCollection.computeIfAbsent(writes.get(i).write().collection(), c -> new ArrayList<>()).add(i);
        }
        List<Boolean> applied = new ArrayList<>(Collections.nCopies(writes.size(), true));
        for (Map.Entry<MongoCollection<Document>, List<Integer>> entry : byCollection.entrySet()) {
            List<Integer> indexes = entry.getValue();
            List<WriteModel<Document>> models = new ArrayList<>(indexes.size());
            for (int index : indexes) {
                Gated<Replacement> gated = writes.get(index);
                models.add(new ReplaceOneModel<>(filter(gated.event()), replacement(gated.event(), gated.write()),
                        UPSERT));
            }
            try {
                entry.getKey().bulkWrite(models, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    applied.set(indexes.get(error.getIndex()), false);
                }
                if (e.getWriteConcernError() != null) {
                    throw e;
                }
            }
        }
        return applied;
    }

    private static Bson filter(CloudEvent event) {
        return and(eq("_id", event.subject()), lt(SEQUENCE, event.sequence()));
    }

    private static Document replacement(CloudEvent event, Replacement write) {
        Document replacement = new Document(write.state());
        replacement.remove("_id");
        replacement.put(SEQUENCE, event.sequence());
        return replacement;
    }

    /** The sequences live in the view's documents: emptying the store forgets them. */
    @Override
    public void reset(String view, Runnable emptyStore) {
        emptyStore.run();
    }
}

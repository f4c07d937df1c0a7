package org.clusterbridge.events.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The version gate of MongoDB views: the view document carries the {@code sequence} it was built from, and one
 * conditional upsert replaces it only with a newer state. When the document holds a newer or equal sequence
 * the filter misses, the upsert collides on {@code _id} and nothing changes.
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.outbox.mongodb.enabled", stringValue = "true")
public class MongoVersionedViews {

    public static final String SEQUENCE = "sequence";

    /** Stores {@code state} as the view of {@code key} when {@code sequence} is newer; returns whether it did. */
    public boolean upsert(MongoCollection<Document> view, String key, long sequence, Document state) {
        Document replacement = new Document(state);
        replacement.remove("_id");
        replacement.put(SEQUENCE, sequence);
        try {
            view.replaceOne(and(eq("_id", key), lt(SEQUENCE, sequence)), replacement,
                    new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}

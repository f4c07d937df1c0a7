package org.clusterbridge.events.mongodb;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.views.ViewGate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The version gate of MongoDB views: the view's document of an aggregate carries the {@code sequence} it was
 * built from, and one conditional upsert replaces it only with a newer state. State and sequence change in the
 * same single-document write, so no transaction is needed. When the document holds a newer or equal sequence
 * the filter misses, the upsert collides on {@code _id} and nothing changes.
 */
@ApplicationScoped
@IfBuildProperty(name = "clusterbridge.outbox.mongodb.enabled", stringValue = "true")
public class MongoViewGate implements ViewGate<MongoViewGate.Replacement> {

    public static final String SEQUENCE = "sequence";

    /** The aggregate's whole document in {@code collection}; its {@code _id} is the event's subject. */
    public record Replacement(MongoCollection<Document> collection, Document state) {
    }

    @Override
    public boolean apply(String view, CloudEvent event, Replacement write) {
        Document replacement = new Document(write.state());
        replacement.remove("_id");
        replacement.put(SEQUENCE, event.sequence());
        try {
            write.collection().replaceOne(and(eq("_id", event.subject()), lt(SEQUENCE, event.sequence())),
                    replacement, new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The sequences live in the view's documents: emptying the store forgets them. */
    @Override
    public void reset(String view, Runnable emptyStore) {
        emptyStore.run();
    }
}

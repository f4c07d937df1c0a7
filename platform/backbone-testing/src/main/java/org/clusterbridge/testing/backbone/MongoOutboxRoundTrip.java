package org.clusterbridge.testing.backbone;

import static com.mongodb.client.model.Filters.eq;

import jakarta.enterprise.inject.spi.CDI;

import org.bson.Document;
import org.clusterbridge.events.mongodb.MongoOutbox;
import org.clusterbridge.testing.StoreAndBrokerRoundTrip;
import org.eclipse.microprofile.config.ConfigProvider;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

/**
 * The round trip of a service on MongoDB: an event kept pending inside the document it changed, written by the
 * same single-document insert, comes out of the topic and leaves the document's outbox empty.
 */
public abstract class MongoOutboxRoundTrip extends StoreAndBrokerRoundTrip {

    protected MongoOutboxRoundTrip() {
        super("MongoDB connection health check");
    }

    @Override
    protected void writeProbe(String topic, String id) {
        MongoOutbox outbox = CDI.current().select(MongoOutbox.class).get();
        probes().insertOne(new Document("_id", id)
                .append(MongoOutbox.FIELD, outbox.pending(topic, ProbeEvents.probe(id))));
        outbox.committed(id);
    }

    @Override
    protected boolean probeSent(String id) {
        return probes().find(eq("_id", id)).first().getList(MongoOutbox.FIELD, Document.class).isEmpty();
    }

    private static MongoCollection<Document> probes() {
        String database = ConfigProvider.getConfig().getValue("quarkus.mongodb.database", String.class);
        return CDI.current().select(MongoClient.class).get().getDatabase(database).getCollection("probes");
    }
}

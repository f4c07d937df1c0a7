package org.clusterbridge.mou;

import static com.mongodb.client.model.Filters.eq;

import java.util.Map;

import jakarta.inject.Inject;

import org.bson.Document;
import org.clusterbridge.api.security.Actor;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.mongodb.MongoOutbox;
import org.clusterbridge.testing.StoreAndBrokerRoundTrip;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import io.quarkus.test.junit.QuarkusTest;

/** The service reaches its real MongoDB-wire server and Kafka: a document's pending event comes out of the topic. */
@QuarkusTest
class StoreAndBrokerRoundTripTest extends StoreAndBrokerRoundTrip {

    @Inject
    MongoOutbox outbox;
    @Inject
    CloudEvents cloudEvents;
    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Override
    protected String storeHealthCheck() {
        return "MongoDB connection health check";
    }

    @Override
    protected String probeTopic() {
        return "mou-probes";
    }

    @Override
    protected void writeProbe(String topic, String id) {
        probes().insertOne(new Document("_id", id).append(MongoOutbox.FIELD, outbox.pending(topic,
                cloudEvents.create("probe", "checked", id, 1, Actor.service("mou-service").subject(),
                        Map.of("id", id)))));
        outbox.committed();
    }

    @Override
    protected boolean probeSent(String id) {
        return probes().find(eq("_id", id)).first().getList(MongoOutbox.FIELD, Document.class).isEmpty();
    }

    private MongoCollection<Document> probes() {
        return mongo.getDatabase(database).getCollection("probes");
    }
}

package org.clusterbridge.mou;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.clusterbridge.api.security.Actor;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.mongodb.MongoOutbox;
import org.clusterbridge.embedded.TopicRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The service reaches its real MongoDB-wire server and Kafka: a document's pending event comes out of the topic. */
@QuarkusTest
class StoreAndBrokerRoundTripTest {

    @Inject
    MongoOutbox outbox;
    @Inject
    CloudEvents cloudEvents;
    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void readinessReportsTheStoreAndTheBroker() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("MongoDB connection health check", "Kafka connection health check",
                        "outbox")));
    }

    @Test
    void anEventWrittenWithItsDocumentArrivesInKafka() {
        String id = UUID.randomUUID().toString();
        MongoCollection<Document> probes = mongo.getDatabase(database).getCollection("probes");
        probes.insertOne(new Document("_id", id).append(MongoOutbox.FIELD,
                outbox.pending("mou-probes", cloudEvents.create("probe", "checked", id, 1,
                        Actor.service("mou-service").subject(), Map.of("id", id)))));
        outbox.committed();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TopicRecords.readAll(bootstrapServers, "mou-probes")).anySatisfy(record -> {
                assertThat(record.key()).isEqualTo(id);
                assertThat(cloudEvents.read(record.value()).subject()).isEqualTo(id);
            });
            assertThat(probes.find(eq("_id", id)).first().getList(MongoOutbox.FIELD, Document.class)).isEmpty();
        });
    }
}

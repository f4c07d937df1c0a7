package org.clusterbridge.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.postgresql.OutboxEvent;
import org.clusterbridge.events.postgresql.PostgresOutbox;
import org.clusterbridge.embedded.TopicRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The service reaches its real PostgreSQL and Kafka: a row written in a transaction comes out of the topic. */
@QuarkusTest
class StoreAndBrokerRoundTripTest {

    @Inject
    PostgresOutbox outbox;
    @Inject
    CloudEvents cloudEvents;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void readinessReportsTheStoreAndTheBroker() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                        "outbox")));
    }

    @Test
    void anEventCommittedWithTheStoreArrivesInKafka() {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> outbox.append("funding-probes",
                cloudEvents.create("probe", "checked", id, 1, "round-trip-test", Map.of("id", id))));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TopicRecords.readAll(bootstrapServers, "funding-probes")).anySatisfy(record -> {
                assertThat(record.key()).isEqualTo(id);
                assertThat(cloudEvents.read(record.value()).subject()).isEqualTo(id);
            });
            OutboxEvent row = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxEvent.<OutboxEvent> find("aggregateId", id).firstResult());
            assertThat(row.publishedAt).isNotNull();
        });
    }
}

package org.clusterbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;

import org.clusterbridge.embedded.TopicRecords;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;

/**
 * A service reaches its real store and Kafka: readiness reports both, and an event written through the
 * service's outbox with a change of its store comes out of the topic, keyed by its subject, and is marked sent.
 * Each store's test (backbone-testing) names its health check and how it writes and finds a probe event.
 */
public abstract class StoreAndBrokerRoundTrip {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String storeHealthCheck;

    /** @param storeHealthCheck the name of the store's readiness check ({@code Database connections health check}) */
    protected StoreAndBrokerRoundTrip(String storeHealthCheck) {
        this.storeHealthCheck = storeHealthCheck;
    }

    /**
     * The topic the probe goes to, {@code <application name>-probes}: one of the service's own (its test profile
     * creates it), so no consumer reads it.
     */
    protected String probeTopic() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class) + "-probes";
    }

    /** Writes an event whose subject is {@code id} through the outbox, committed with a change of the store. */
    protected abstract void writeProbe(String topic, String id);

    /** Whether the outbox holds the probe as sent. */
    protected abstract boolean probeSent(String id);

    @Test
    void readinessReportsTheStoreAndTheBroker() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> RestAssured.get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(storeHealthCheck, "Kafka connection health check", "outbox")));
    }

    @Test
    void anEventCommittedWithTheStoreArrivesInKafka() {
        String id = UUID.randomUUID().toString();
        String bootstrapServers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        writeProbe(probeTopic(), id);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(TopicRecords.readAll(bootstrapServers, probeTopic())).anySatisfy(record -> {
                assertThat(record.key()).isEqualTo(id);
                assertThat(subject(record.value())).isEqualTo(id);
            });
            assertThat(probeSent(id)).isTrue();
        });
    }

    private static String subject(String event) {
        try {
            return MAPPER.readTree(event).path("subject").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

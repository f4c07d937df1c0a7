package org.clusterbridge.events.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.common.header.Header;
import org.clusterbridge.embedded.TopicRecords;
import org.clusterbridge.events.sample.SampleService;
import org.clusterbridge.events.sample.SampleView;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A record no view can apply goes to the channel's dead-letter topic with the reason in its headers, is
 * counted, and does not hold up the records behind it.
 */
@QuarkusTest
class DeadLetterTest {

    private static final String DEAD_LETTERS = "sample-events.backbone-test.dead-letters";

    @Inject
    SampleService samples;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsApplied() {
        String key = UUID.randomUUID().toString();
        String garbage = "{\"not\": \"an event " + key + "\"}";
        double before = deadLetters();
        TopicRecords.publish(bootstrapServers, "sample-events", key, garbage);
        UUID next = UUID.randomUUID();
        samples.write(next, "after the dead letter");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(TopicRecords.readAll(bootstrapServers, DEAD_LETTERS)).anySatisfy(record -> {
                assertThat(record.key()).isEqualTo(key);
                assertThat(record.value()).isEqualTo(garbage);
                assertThat(header(record.headers().lastHeader("dead-letter-reason")))
                        .contains("view samples cannot apply this record")
                        .contains("envelope lacks specversion 1.0, id, type or subject");
                assertThat(header(record.headers().lastHeader("dead-letter-topic"))).isEqualTo("sample-events");
            });
            assertThat(QuarkusTransaction.requiringNew().call(() -> SampleView.<SampleView> findById(next)))
                    .isNotNull();
        });
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(deadLetters() - before).isEqualTo(1.0));
    }

    @Test
    void anAdministratorListsTheDeadLettersWithTheirReasonsAndReplaysThemThroughTheViews() {
        String key = UUID.randomUUID().toString();
        TopicRecords.publish(bootstrapServers, "sample-events", key, "not even JSON " + key);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> RestAssured.get(
                "/api/admin/views/sample-events/dead-letters").then().statusCode(200)
                .body("topic", equalTo(DEAD_LETTERS))
                .body("deadLetters.find { it.key == '" + key + "' }.reason",
                        containsString("not a CloudEvents JSON envelope"))
                .body("deadLetters.find { it.key == '" + key + "' }.sourceTopic", equalTo("sample-events"))
                .body("deadLetters.find { it.key == '" + key + "' }.value", equalTo("not even JSON " + key)));

        // Still unreadable: the replay counts it as malformed again and changes nothing.
        RestAssured.given().post("/api/admin/views/sample-events/dead-letters/replay").then().statusCode(200)
                .body("views", contains("SampleViews"))
                .body("outcomes.MALFORMED", greaterThanOrEqualTo(1));
        RestAssured.get("/api/admin/views/no-such-channel/dead-letters").then().statusCode(404);
    }

    /** The count /q/metrics shows for the samples view. */
    private static double deadLetters() {
        return RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("clusterbridge_view_dead_letters_total{")
                        && line.contains("view=\"samples\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

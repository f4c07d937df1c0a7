package org.clusterbridge.funding.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.funding.Figures.asOf;
import static org.clusterbridge.funding.Figures.count;
import static org.clusterbridge.funding.Figures.create;
import static org.clusterbridge.funding.Figures.money;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.funding.ClusterEvents;
import org.clusterbridge.testing.EventSchemas;
import org.clusterbridge.testing.TestTokens;
import org.clusterbridge.embedded.TopicRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CorrectionHistoryTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aCorrectionIsANewVersionAndEveryVersionStaysReadable() {
        UUID cluster = ClusterEvents.register("history-" + UUID.randomUUID(), "History cluster", null, "FR");
        String original = money(cluster, "public-funding", "ACTUAL", "\"533000000\"", "EUR", asOf("2019-06-30"),
                "History source");
        String id = create(original);
        String corrected = original.replace("533000000", "533500000.25").replace("\"source\"",
                "\"note\": \"typo in the first entry\", \"source\"");

        put(id, null, corrected).statusCode(428).contentType("application/problem+json");
        put(id, "\"7\"", corrected).statusCode(412).contentType("application/problem+json");
        put(UUID.randomUUID().toString(), "\"1\"", corrected).statusCode(404);
        put(id, "\"1\"", corrected.replace(cluster.toString(), UUID.randomUUID().toString())).statusCode(400)
                .body("errors[0].field", equalTo("clusterId"));
        put(id, "\"1\"", corrected.replace("\"EUR\"", "\"JPY\"")).statusCode(400)
                .body("errors[0].field", equalTo("value.amount"));

        put(id, "\"1\"", corrected).statusCode(200)
                .header("ETag", containsString("2"))
                .body("version", equalTo(2))
                .body("value.amount", equalTo("533500000.25"));
        put(id, "\"1\"", corrected).statusCode(412);

        given().get("/api/funding-figures/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("note", equalTo("typo in the first entry"));
        given().get("/api/funding-figures/" + id + "/history").then().statusCode(200)
                .body("version", contains(1, 2))
                .body("change", contains("RECORDED", "CORRECTED"))
                .body("figure.value.amount", contains("533000000", "533500000.25"))
                .body("figure.version", contains(1, 2));
        given().get("/api/funding-figures/" + UUID.randomUUID() + "/history").then().statusCode(404);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TopicRecords.readAll(bootstrapServers, "funding-events")
                    .stream().filter(r -> id.equals(r.key())).toList();
            assertThat(records).hasSize(2);
            records.forEach(r -> EventSchemas.assertValid(r.value()));
            JsonNode recorded = MAPPER.readTree(records.get(0).value());
            JsonNode correctedEvent = MAPPER.readTree(records.get(1).value());
            assertThat(recorded.path("type").asText()).isEqualTo("clusterbridge.funding-figure.recorded.v1");
            assertThat(recorded.path("sequence").asLong()).isEqualTo(1);
            assertThat(recorded.path("source").asText()).isEqualTo("/funding-service");
            assertThat(recorded.path("actor").asText()).isEqualTo(TestTokens.ADMIN_SUBJECT);
            assertThat(recorded.at("/data/value/amount").isTextual()).isTrue();
            assertThat(recorded.at("/data/value/amount").asText()).isEqualTo("533000000");
            assertThat(recorded.at("/data/period/kind").asText()).isEqualTo("AS_OF");
            assertThat(recorded.at("/data/period/start").isNull()).isTrue();
            assertThat(recorded.at("/data/period/end").asText()).isEqualTo("2019-06-30");
            assertThat(correctedEvent.path("type").asText()).isEqualTo("clusterbridge.funding-figure.corrected.v1");
            assertThat(correctedEvent.path("sequence").asLong()).isEqualTo(2);
            assertThat(correctedEvent.at("/data/value/amount").asText()).isEqualTo("533500000.25");
            assertThat(correctedEvent.at("/data/version").asLong()).isEqualTo(2);
            assertThat(correctedEvent.path("actor").asText()).isEqualTo(TestTokens.ADMIN_SUBJECT);
        });
    }

    @Test
    void aCorrectionThatWouldRepeatAnotherReportIsAConflict() {
        UUID cluster = ClusterEvents.register("history-dup-" + UUID.randomUUID(), "History dup", null, "FR");
        create(count(cluster, "jobs-created", "ACTUAL", 10, asOf("2019-01-01"), "Report A"));
        String b = count(cluster, "jobs-created", "ACTUAL", 11, asOf("2019-01-01"), "Report B");
        String id = create(b);
        put(id, "\"1\"", b.replace("Report B", "Report A")).statusCode(409);
        given().get("/api/funding-figures/" + id).then().body("version", equalTo(1));
    }

    @Test
    void theSchemaExamplesAreValidEvents() {
        for (String type : List.of("clusterbridge.funding-figure.recorded.v1",
                "clusterbridge.funding-figure.corrected.v1")) {
            List<String> examples = EventSchemas.examples(type);
            assertThat(examples).isNotEmpty();
            examples.forEach(EventSchemas::assertValid);
        }
    }

    private static io.restassured.response.ValidatableResponse put(String id, String ifMatch, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.put("/api/funding-figures/" + id).then();
    }
}

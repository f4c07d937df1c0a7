package org.clusterbridge.cluster.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.testing.EventSchemas;
import org.clusterbridge.testing.TestTokens;
import org.clusterbridge.embedded.TopicRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Every change of a cluster is published once, in order, and matches the event contract. */
@QuarkusTest
class ClusterEventsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void registeredUpdatedAndRetiredEventsCarryTheWholeStateAndTheirActor() throws Exception {
        String slug = "events-" + UUID.randomUUID().toString().substring(0, 8);
        String member = RestAssured.given().contentType(ContentType.JSON).body(Map.of("slug", slug + "-member",
                "names", Map.of("en", "Lyonbiopole"), "kind", "CLUSTER", "country", "FR")).post("/api/clusters")
                .then().statusCode(201).extract().path("id");
        Map<String, Object> alliance = Map.of("slug", slug, "names", Map.of("en", "MAGIA", "ja", "欧州医療クラスター連合"),
                "kind", "ALLIANCE", "country", "BE", "acronym", "MAGIA", "focusAreas", List.of("medical-devices"),
                "foundedOn", Map.of("date", "2019-01-01", "precision", "YEAR"));
        String id = RestAssured.given().auth().oauth2(TestTokens.editor("partner-a")).contentType(ContentType.JSON)
                .body(alliance).post("/api/clusters").then().statusCode(201)
                .body("createdBy", equalTo("partner-a")).body("updatedBy", equalTo("partner-a"))
                .extract().path("id");
        Map<String, Object> withMember = new java.util.HashMap<>(alliance);
        withMember.put("memberClusterIds", List.of(member));
        RestAssured.given().auth().oauth2(TestTokens.editor("partner-b")).contentType(ContentType.JSON)
                .header("If-Match", "\"1\"").body(withMember).put("/api/clusters/" + id).then().statusCode(200)
                .body("createdBy", equalTo("partner-a")).body("updatedBy", equalTo("partner-b"));
        // requests that fail change nothing and publish nothing
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(withMember)
                .put("/api/clusters/" + id).then().statusCode(412);
        RestAssured.given().contentType(ContentType.JSON).body(alliance).post("/api/clusters").then()
                .statusCode(409);
        // an update that changes nothing is not a change
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(withMember)
                .put("/api/clusters/" + id).then().statusCode(200).header("ETag", "\"2\"");
        // an editor may not retire; the refusal publishes nothing
        RestAssured.given().auth().oauth2(TestTokens.editor("partner-a")).delete("/api/clusters/" + id).then()
                .statusCode(403);
        RestAssured.delete("/api/clusters/" + id).then().statusCode(200)
                .body("updatedBy", equalTo(TestTokens.ADMIN_SUBJECT));

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicRecords.readAll(bootstrapServers, EventTopics.CLUSTER_EVENTS).stream()
                        .filter(r -> id.equals(r.key())).toList(), list -> list.size() >= 3);
        assertThat(records).hasSize(3);
        records.forEach(record -> EventSchemas.assertValid(record.value()));
        List<JsonNode> events = records.stream().map(r -> read(r.value())).toList();
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                "clusterbridge.cluster.registered.v1", "clusterbridge.cluster.updated.v1",
                "clusterbridge.cluster.retired.v1");
        assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(e -> e.get("actor").asText())
                .containsExactly("partner-a", "partner-b", TestTokens.ADMIN_SUBJECT);
        assertThat(events).extracting(e -> e.at("/data/createdBy").asText()).containsOnly("partner-a");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("subject").asText()).isEqualTo(id);
            assertThat(e.get("source").asText()).isEqualTo("/cluster-service");
            assertThat(e.at("/data/version").asLong()).isEqualTo(e.get("sequence").asLong());
            assertThat(e.at("/data/slug").asText()).isEqualTo(slug);
            assertThat(e.at("/data/foundedOn/precision").asText()).isEqualTo("YEAR");
        });
        assertThat(events.get(0).at("/data/memberClusterIds")).isEmpty();
        assertThat(events.get(1).at("/data/memberClusterIds/0").asText()).isEqualTo(member);
        assertThat(events.get(2).at("/data/status").asText()).isEqualTo("RETIRED");
        assertThat(events.get(2).at("/data/names/ja").asText()).isEqualTo("欧州医療クラスター連合");
    }

    @Test
    void theSchemaExamplesAreValidEvents() {
        for (String type : List.of("registered", "updated", "retired")) {
            List<String> examples = EventSchemas.examples("clusterbridge.cluster." + type + ".v1");
            assertThat(examples).as(type + " examples").isNotEmpty();
            examples.forEach(EventSchemas::assertValid);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}

package org.clusterbridge.cluster.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.embedded.TopicRecords;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.testing.EventSchemas;
import org.clusterbridge.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The cluster events on the wire are the committed ones: a registration, an update and a retirement through the
 * API give, field for field and in the same order, the events in {@code src/test/resources/events/} once ids,
 * times and the slug are replaced by placeholders. Multilingual maps are compared with sorted keys, since the
 * registry never promised an order of languages. The files were written once by the code before the event data
 * got a record of its own ({@code ClusterChanged}, issue 12). Regenerate only for an intended contract change with
 * {@code -Dtest=ClusterEventGoldenTest -Devents.update=true}.
 */
@QuarkusTest
class ClusterEventGoldenTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "events");

    /** An alliance with every optional field, so each part of the event data is on the wire. */
    private static final String ALLIANCE = """
            {"slug": "%s", "names": {"en": "MAGIA", "ja": "欧州医療クラスター連合"},
             "description": {"en": "Medical technology clusters"}, "acronym": "MAGIA", "kind": "ALLIANCE",
             "legalForm": "consortium", "country": "EU", "region": "Europe", "city": "Brussels",
             "foundedOn": {"date": "2019-01-01", "precision": "YEAR"}, "website": "https://magia.example.org/",
             "focusAreas": ["medical-devices", "digital-health"],
             "leaders": [{"name": "Anne Martin", "role": {"en": "Chair", "fr": "Présidente"}, "since": "2019-01-01"}],
             "membershipReports": [{"asOf": "2020-02-05", "total": 430, "approximation": "MORE_THAN",
                 "breakdown": [{"category": "STARTUPS_AND_SMES", "count": 300, "approximation": "ABOUT"}],
                 "source": {"title": "MAGIA annual report", "language": "en",
                     "url": "https://magia.example.org/report"}}]}
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void registeredUpdatedAndRetiredEventsAreTheCommittedOnes() throws IOException {
        String slug = "golden-" + UUID.randomUUID().toString().substring(0, 8);
        String member = post(TestTokens.editor("partner-a"), """
                {"slug": "%s-member", "names": {"en": "Lyonbiopole"}, "kind": "CLUSTER", "country": "FR"}
                """.formatted(slug));
        ObjectNode alliance = (ObjectNode) MAPPER.readTree(ALLIANCE.formatted(slug));
        String id = post(TestTokens.editor("partner-a"), alliance.toString());
        ObjectNode changed = alliance.deepCopy();
        changed.putArray("memberClusterIds").add(member);
        changed.putObject("description").put("en", "Medical technology clusters of Europe")
                .put("fr", "Clusters medtech");
        RestAssured.given().auth().oauth2(TestTokens.editor("partner-b")).contentType(ContentType.JSON)
                .header("If-Match", "\"1\"").body(changed.toString()).put("/api/clusters/" + id).then()
                .statusCode(200);
        RestAssured.delete("/api/clusters/" + id).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(60))
                .until(() -> TopicRecords.readAll(bootstrapServers, EventTopics.CLUSTER_EVENTS).stream()
                        .filter(r -> id.equals(r.key())).toList(), list -> list.size() >= 3);
        assertThat(records).hasSize(3);
        List<String> changes = List.of("registered", "updated", "retired");
        for (int i = 0; i < changes.size(); i++) {
            String json = records.get(i).value();
            EventSchemas.assertValid(json);
            String actual = canonical(json, id, member, slug);
            Path golden = GOLDEN.resolve("clusterbridge.cluster." + changes.get(i) + ".v1.json");
            if (Boolean.getBoolean("events.update")) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as(golden.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        }
    }

    private static String post(String token, String body) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/clusters").then().statusCode(201).extract().path("id");
    }

    /** The event with placeholders for what varies from run to run, pretty-printed in the wire's field order. */
    private static String canonical(String json, String id, String member, String slug) throws IOException {
        ObjectNode event = (ObjectNode) MAPPER.readTree(json);
        mask(event, "id", UUID_TEXT, "<event-id>");
        mask(event, "subject", exactly(id), "<cluster-id>");
        mask(event, "time", INSTANT, "<time>");
        ObjectNode data = (ObjectNode) event.get("data");
        mask(data, "id", exactly(id), "<cluster-id>");
        mask(data, "slug", exactly(slug), "<slug>");
        mask(data, "createdAt", INSTANT, "<created-at>");
        mask(data, "updatedAt", INSTANT, "<updated-at>");
        ArrayNode members = data.withArray("memberClusterIds");
        for (int i = 0; i < members.size(); i++) {
            if (member.equals(members.get(i).asText())) {
                members.set(i, TextNode.valueOf("<member-id>"));
            }
        }
        sortKeys(data, "names");
        sortKeys(data, "description");
        data.withArray("leaders").forEach(leader -> sortKeys((ObjectNode) leader, "role"));
        return MAPPER.writeValueAsString(event) + "\n";
    }

    private static Pattern exactly(String value) {
        return Pattern.compile(Pattern.quote(value));
    }

    /** Replaces the field by its placeholder only when it has the shape it has today, so a new format shows. */
    private static void mask(ObjectNode node, String field, Pattern shape, String placeholder) {
        if (node.path(field).isTextual() && shape.matcher(node.get(field).asText()).matches()) {
            node.put(field, placeholder);
        }
    }

    private static void sortKeys(ObjectNode parent, String field) {
        if (parent.get(field) instanceof ObjectNode map) {
            ObjectNode sorted = MAPPER.createObjectNode();
            List<String> keys = new ArrayList<>();
            map.fieldNames().forEachRemaining(keys::add);
            keys.stream().sorted().forEach(key -> sorted.set(key, map.get(key)));
            parent.set(field, sorted);
        }
    }
}

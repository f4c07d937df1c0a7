package org.clusterbridge.mou.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.mou.Agreements.body;
import static org.clusterbridge.mou.Agreements.create;
import static org.clusterbridge.mou.Agreements.party;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.clusterbridge.mou.ClusterEvents;
import org.clusterbridge.mou.service.AgreementStatusCheck;
import org.clusterbridge.testing.GoldenFiles;
import org.clusterbridge.testing.TestTokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The agreement events (signed, updated, terminated, expired, and the updated of an agreement becoming
 * effective) and the stored documents a scenario produces, byte for byte, against golden files written once from
 * the code before issue 12's refactoring: the proof that the event contract and the stored format did not move.
 * Ids, references, times and dates relative to today are replaced by placeholders, and the languages of a
 * multilingual text put in order. Regenerate (only after an intended contract change) with
 * {@code -Dgolden.update=true}.
 */
@QuarkusTest
class AgreementEventsGoldenTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path EVENTS = Path.of("src/test/resources/events/agreement-events.json");
    private static final Path DOCUMENTS = Path.of("src/test/resources/events/agreement-documents.json");
    private static final Set<String> TIMES = Set.of("createdAt", "updatedAt");
    /** Texts by language: the agreement keeps them in a Map.copyOf, whose order changes from one JVM to the next. */
    private static final Set<String> MULTILINGUAL = Set.of("title", "purpose");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    AgreementStatusCheck statusCheck;

    @Test
    void theEventsAndStoredDocumentsOfAScenarioEqualTheGoldenFiles() throws IOException {
        UUID a = ClusterEvents.cluster("Golden A", "JP");
        UUID member = ClusterEvents.cluster("Golden member", "IT");
        UUID alliance = ClusterEvents.alliance("Golden alliance", "EU", List.of(member));
        Map<String, String> placeholders = new LinkedHashMap<>();
        placeholders.put(a.toString(), "<cluster-a>");
        placeholders.put(member.toString(), "<member>");
        placeholders.put(alliance.toString(), "<alliance>");
        placeholders.put(TODAY.minusYears(1).toString(), "<a-year-ago>");
        placeholders.put(TODAY.toString(), "<today>");
        placeholders.put(TODAY.plusDays(5).toString(), "<in-5-days>");
        placeholders.put(TODAY.plusDays(10).toString(), "<in-10-days>");

        // signed, updated, terminated: every field of the state set
        Map<String, Object> full = body(a, alliance, LocalDate.of(2020, 2, 5));
        full.put("parties", List.of(party(a), party(alliance, member)));
        full.put("signatories", List.of(Map.of("name", "Akihiko Soyama", "nativeName", "曾山明彦", "title",
                "President and CEO", "clusterId", a.toString()), Map.of("name", "Member signer", "clusterId",
                member.toString())));
        full.put("term", Map.of("years", 5));
        full.put("signingCeremony", Map.of("mode", "ONLINE", "platform", "Zoom webinar", "start",
                "2020-02-05T17:00", "end", "2020-02-05T17:40", "timeZone", "Asia/Tokyo"));
        full.put("sources", List.of(Map.of("title", "Press release", "publisher", "LINK-J", "language", "ja",
                "publishedOn", "2020-02-06", "url", "https://example.org/release")));
        full.put("notes", "first notes");
        String signed = given().auth().oauth2(TestTokens.editor("partner-a")).contentType(ContentType.JSON)
                .body(full).post("/api/agreements").then().statusCode(201).extract().path("id");
        full.put("notes", "corrected");
        full.put("kind", "COOPERATION_AGREEMENT");
        given().auth().oauth2(TestTokens.editor("partner-b")).contentType(ContentType.JSON).body(full)
                .header("If-Match", "1").put("/api/agreements/" + signed).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("date", "2021-01-31", "reason", "programme ended"))
                .post("/api/agreements/" + signed + "/termination").then().statusCode(200);

        // expired, and updated by becoming effective: both recorded by the status check
        Map<String, Object> expiring = body(a, member, TODAY.minusYears(1), "expiresOn", TODAY.plusDays(10));
        String expires = create(expiring);
        Map<String, Object> later = body(a, member, TODAY, "effectiveFrom", TODAY.plusDays(5));
        String becomesEffective = create(later);
        statusCheck.run(TODAY.plusDays(10));

        List<String> agreements = List.of(signed, expires, becomesEffective);
        for (int i = 0; i < agreements.size(); i++) {
            placeholders.put(agreements.get(i), "<agreement-" + i + ">");
        }
        placeholders.put((String) full.get("reference"), "<reference-0>");
        placeholders.put((String) expiring.get("reference"), "<reference-1>");
        placeholders.put((String) later.get("reference"), "<reference-2>");

        List<ConsumerRecord<String, String>> records = AgreementRecords.awaitSent(agreements);
        assertThat(records).hasSize(7);
        List<String> events = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        for (String id : agreements) {
            for (ConsumerRecord<String, String> record : records) {
                if (record.key().equals(id)) {
                    events.add(placeholders(compact(record.value()), placeholders));
                }
            }
            String stored = AgreementRecords.documents().find(new Document("_id", id)).first()
                    .toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build());
            documents.add(placeholders(read(stored), placeholders));
        }
        GoldenFiles.assertMatches(EVENTS, events);
        GoldenFiles.assertMatches(DOCUMENTS, documents);
    }

    /** The event as a tree, after checking that reading and writing it keeps its bytes. */
    private static JsonNode compact(String json) {
        JsonNode tree = read(json);
        assertThat(tree.toString()).as("the event is compact Jackson output").isEqualTo(json);
        return tree;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON with the event's id and the times replaced, and the values the run chose named. */
    private static String placeholders(JsonNode tree, Map<String, String> placeholders) {
        if (tree.has("specversion")) {
            ((ObjectNode) tree).put("id", "<event-id>");
            ((ObjectNode) tree).put("time", "<time>");
        }
        replace(tree, placeholders);
        return tree.toString();
    }

    private static void replace(JsonNode node, Map<String, String> placeholders) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode value = object.get(name);
                if (TIMES.contains(name)) {
                    object.put(name, "<" + name + ">");
                } else if (MULTILINGUAL.contains(name) && value instanceof ObjectNode text) {
                    object.set(name, sorted(text));
                } else if (value.isTextual() && placeholders.containsKey(value.asText())) {
                    object.set(name, TextNode.valueOf(placeholders.get(value.asText())));
                } else {
                    replace(value, placeholders);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual() && placeholders.containsKey(item.asText())) {
                    array.set(i, TextNode.valueOf(placeholders.get(item.asText())));
                } else {
                    replace(item, placeholders);
                }
            }
        }
    }

    private static ObjectNode sorted(ObjectNode text) {
        Map<String, JsonNode> byLanguage = new TreeMap<>();
        text.fields().forEachRemaining(entry -> byLanguage.put(entry.getKey(), entry.getValue()));
        ObjectNode sorted = MAPPER.createObjectNode();
        byLanguage.forEach(sorted::set);
        return sorted;
    }
}

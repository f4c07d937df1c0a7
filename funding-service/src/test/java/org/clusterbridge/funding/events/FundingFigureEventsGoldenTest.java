package org.clusterbridge.funding.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.funding.Figures.create;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.embedded.TopicRecords;
import org.clusterbridge.funding.ClusterEvents;
import org.clusterbridge.funding.domain.FundingFigureVersion;
import org.clusterbridge.testing.EventSchemas;
import org.clusterbridge.testing.GoldenFiles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The funding-figure events (recorded, corrected) and the stored versions a scenario through the REST API
 * produces, byte for byte, against golden files written once from the code before issue 12's refactoring: the
 * proof that the event contract and the stored format did not move. Ids and times are replaced by placeholders.
 * Regenerate (only after an intended contract change) with {@code -Dgolden.update=true}.
 */
@QuarkusTest
class FundingFigureEventsGoldenTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path EVENTS = Path.of("src/test/resources/events/funding-figure-events.json");
    private static final Path VERSIONS = Path.of("src/test/resources/events/funding-figure-versions.json");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theEventsAndStoredVersionsOfAScenarioEqualTheGoldenFiles() throws IOException {
        UUID cluster = ClusterEvents.register("golden-" + UUID.randomUUID(), "Golden cluster", "ゴールデン", "JP");
        String money = """
                {"clusterId": "%s", "indicator": "public-funding", "nature": "ACTUAL",
                 "value": {"amount": "1250000.50", "currency": "EUR", "qualifier": "NEARLY"},
                 "period": {"kind": "SPAN", "fiscalYears": {"from": "FY2013", "to": "FY2017"}},
                 "funders": [{"name": "Bpifrance", "description": "State bank", "amount": "1000000", "currency": "EUR"},
                             {"name": "Region"}],
                 "source": {"title": "Golden report", "publisher": "Golden publisher", "language": "ja",
                            "publishedOn": "2018-05", "url": "https://example.org/golden"},
                 "note": "first entry"}
                """.formatted(cluster);
        String moneyId = create(money);
        given().contentType(ContentType.JSON).header("If-Match", "1")
                .body(money.replace("1250000.50", "1300000").replace("first entry", "corrected entry"))
                .put("/api/funding-figures/" + moneyId).then().statusCode(200);
        String countId = create("""
                {"clusterId": "%s", "indicator": "members", "nature": "ACTUAL", "value": {"count": 305},
                 "period": {"kind": "CUMULATIVE_SINCE", "since": "2005-04", "asOf": "2019-06-30"},
                 "source": {"title": "Golden count"}}
                """.formatted(cluster));
        String targetId = create("""
                {"clusterId": "%s", "indicator": "jobs-created", "nature": "TARGET", "value": {"count": 40},
                 "period": {"kind": "AS_OF", "date": "2030-12-31"},
                 "source": {"title": "Golden target", "language": "en"}}
                """.formatted(cluster));
        List<String> figures = List.of(moneyId, countId, targetId);

        List<String> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = TopicRecords.readAll(bootstrapServers, "funding-events")
                    .stream().filter(r -> figures.contains(r.key())).toList();
            assertThat(records).hasSize(4);
            events.clear();
            for (String figure : figures) {
                for (ConsumerRecord<String, String> record : records) {
                    if (record.key().equals(figure)) {
                        EventSchemas.assertValid(record.value());
                        events.add(placeholders(record.value(), figures, cluster));
                    }
                }
            }
        });
        List<String> versions = new ArrayList<>();
        List<JsonNode> states = new ArrayList<>();
        List<JsonNode> served = new ArrayList<>();
        for (String figure : figures) {
            tree(given().get("/api/funding-figures/" + figure + "/history").then().statusCode(200).extract()
                    .asString()).forEach(entry -> served.add(entry.path("figure")));
            QuarkusTransaction.requiringNew().run(() -> FundingFigureVersion.<FundingFigureVersion> list(
                    "figureId", Sort.by("version"), UUID.fromString(figure)).forEach(row -> {
                        ObjectNode version = MAPPER.createObjectNode();
                        version.put("figure", "<figure-" + figures.indexOf(figure) + ">");
                        version.put("version", row.version);
                        version.put("change", row.change);
                        version.put("recordedBy", row.recordedBy);
                        version.put("state", placeholders(row.state, figures, cluster));
                        states.add(tree(row.state));
                        versions.add(version.toString());
                    }));
        }
        // every stored version reads back through the API as it was stored
        assertThat(served).isEqualTo(states);
        GoldenFiles.assertMatches(EVENTS, events);
        GoldenFiles.assertMatches(VERSIONS, versions);
    }

    /** The JSON with ids and times replaced, after checking that reading and writing it keeps its bytes. */
    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String placeholders(String json, List<String> figures, UUID cluster) {
        JsonNode tree = tree(json);
        assertThat(tree.toString()).as("the JSON is compact Jackson output").isEqualTo(json);
        ObjectNode data = tree.has("data") ? (ObjectNode) tree.get("data") : (ObjectNode) tree;
        if (tree.has("data")) {
            ObjectNode envelope = (ObjectNode) tree;
            envelope.put("id", "<event-id>");
            envelope.put("time", "<time>");
            envelope.put("subject", "<figure-" + figures.indexOf(envelope.path("subject").asText()) + ">");
        }
        data.put("id", "<figure-" + figures.indexOf(data.path("id").asText()) + ">");
        assertThat(data.path("clusterId").asText()).isEqualTo(cluster.toString());
        data.put("clusterId", "<cluster>");
        data.put("recordedAt", "<recordedAt>");
        data.put("updatedAt", "<updatedAt>");
        return tree.toString();
    }
}

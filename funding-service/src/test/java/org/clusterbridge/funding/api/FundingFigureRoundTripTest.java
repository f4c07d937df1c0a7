package org.clusterbridge.funding.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.funding.Figures.asOf;
import static org.clusterbridge.funding.Figures.body;
import static org.clusterbridge.funding.Figures.create;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.embedded.TopicRecords;
import org.clusterbridge.funding.ClusterEvents;
import org.clusterbridge.testing.EventSchemas;
import org.clusterbridge.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A figure read by GET can be sent back by PUT as it is, and changed field by field by a JSON Merge Patch: both
 * make one new version and one event; a refused patch changes nothing.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundingFigureRoundTripTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MERGE_PATCH = "application/merge-patch+json";
    /** What every write changes besides the fields it names. */
    private static final List<String> PER_VERSION = List.of("version", "updatedAt", "updatedBy");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    UUID cluster;

    @BeforeAll
    void cluster() {
        cluster = ClusterEvents.register("round-trip-" + UUID.randomUUID(), "Round trip cluster", null, "FR");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"kind\": \"AS_OF\", \"date\": \"2019-06-30\"}|as-of",
            "{\"kind\": \"CUMULATIVE_SINCE\", \"since\": \"2005-03\", \"asOf\": \"2019-06-30\"}|cumulative",
            "{\"kind\": \"SPAN\", \"start\": \"2018-01-01\", \"end\": \"2018-12-31\"}|span",
            "{\"fiscalYears\": \"平成25～29年度\"}|fiscal" })
    void theRepresentationAsReadIsAcceptedByPutAndStoredUnchanged(String period, String label) throws Exception {
        String id = create(fullFigure(period, "Round trip " + label + " " + UUID.randomUUID()));
        JsonNode read = read(id);

        JsonNode written = json(put(id, "\"1\"", read.toString()).statusCode(200)
                .header("ETag", containsString("2")).extract().asString());

        assertThat(written.path("version").asLong()).isEqualTo(2);
        assertThat(withoutPerVersionFields(written)).isEqualTo(withoutPerVersionFields(read));
        assertThat(withoutPerVersionFields(read(id))).isEqualTo(withoutPerVersionFields(read));
    }

    @Test
    void theRepresentationAsReadWithOneFieldChangedChangesThatField() throws Exception {
        String id = create(fullFigure(asOf("2019-06-30"), "Changed field " + UUID.randomUUID()));
        ObjectNode read = (ObjectNode) read(id);
        ObjectNode changed = read.deepCopy();
        ((ObjectNode) changed.get("value")).put("amount", "2100000000.50");

        JsonNode written = json(put(id, "\"1\"", changed.toString()).statusCode(200).extract().asString());

        assertThat(written.at("/value/amount").asText()).isEqualTo("2100000000.50");
        assertThat(written.path("version").asLong()).isEqualTo(2);
        ((ObjectNode) read.get("value")).put("amount", "2100000000.50");
        assertThat(withoutPerVersionFields(written)).isEqualTo(withoutPerVersionFields(read));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "/|colour", "/period|colour", "/source|colour", "/value|colour" })
    void anUnknownFieldInARepresentationIsStillA400NamingIt(String at, String field) throws Exception {
        String id = create(fullFigure(asOf("2019-06-30"), "Unknown field " + UUID.randomUUID()));
        ObjectNode read = (ObjectNode) read(id);
        ((ObjectNode) (at.equals("/") ? read : read.at(at))).put(field, "blue");
        String named = at.equals("/") ? field : at.substring(1) + "." + field;

        put(id, "\"1\"", read.toString()).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(named));
        patch(id, "\"1\"", at.equals("/") ? "{\"" + field + "\": 1}"
                : "{\"" + at.substring(1) + "\": {\"" + field + "\": 1}}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(named));
        assertThat(read(id).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aPatchOfOneFieldChangesOnlyThatFieldAndMakesOneVersionAndOneEvent() throws Exception {
        String id = create(fullFigure(asOf("2019-06-30"), "Patch one field " + UUID.randomUUID()));
        JsonNode before = read(id);

        JsonNode patched = json(patch(id, "\"1\"", "{\"note\": \"restated in the 2020 report\"}").statusCode(200)
                .header("ETag", containsString("2")).extract().asString());

        assertThat(patched.path("note").asText()).isEqualTo("restated in the 2020 report");
        assertThat(patched.path("version").asLong()).isEqualTo(2);
        ObjectNode expected = before.deepCopy();
        expected.put("note", "restated in the 2020 report");
        assertThat(withoutPerVersionFields(patched)).isEqualTo(withoutPerVersionFields(expected));
        given().get("/api/funding-figures/" + id + "/history").then().statusCode(200)
                .body("change", equalTo(List.of("RECORDED", "CORRECTED")));
        awaitEvents(id, 2);
        JsonNode corrected = events(id).get(1);
        assertThat(corrected.path("type").asText()).isEqualTo("clusterbridge.funding-figure.corrected.v1");
        assertThat(corrected.path("sequence").asLong()).isEqualTo(2);
        assertThat(corrected.at("/data/note").asText()).isEqualTo("restated in the 2020 report");
    }

    @Test
    void aPatchOfOnePeriodFieldMovesTheDatesDerivedFromIt() throws Exception {
        String id = create(fullFigure("{\"kind\": \"CUMULATIVE_SINCE\", \"since\": \"2005\", \"asOf\": \"2019-06-30\"}",
                "Patch since " + UUID.randomUUID()));

        patch(id, "\"1\"", "{\"period\": {\"since\": \"2007-04\"}}").statusCode(200)
                .body("period.kind", equalTo("CUMULATIVE_SINCE"))
                .body("period.since", equalTo("2007-04"))
                .body("period.start", equalTo("2007-04-01"))
                .body("period.asOf", equalTo("2019-06-30"))
                .body("period.end", equalTo("2019-06-30"));
        patch(id, "\"2\"", "{\"period\": {\"asOf\": \"2020-03-31\"}}").statusCode(200)
                .body("period.start", equalTo("2007-04-01"))
                .body("period.end", equalTo("2020-03-31"))
                .body("version", equalTo(3));
        // a fiscal span moves with its fiscal years, and becomes a plain span when they are removed
        String fiscal = create(fullFigure("{\"fiscalYears\": {\"from\": \"FY2013\", \"to\": \"FY2017\"}}",
                "Patch fiscal " + UUID.randomUUID()));
        patch(fiscal, "\"1\"", "{\"period\": {\"fiscalYears\": {\"to\": \"FY2018\"}}}").statusCode(200)
                .body("period.start", equalTo("2013-04-01"))
                .body("period.end", equalTo("2019-03-31"))
                .body("period.fiscalYears.to", equalTo("FY2018"));
        patch(fiscal, "\"2\"", "{\"period\": {\"fiscalYears\": null, \"start\": \"2013-01-01\", "
                + "\"end\": \"2018-12-31\"}}").statusCode(200)
                .body("period.kind", equalTo("SPAN"))
                .body("period.start", equalTo("2013-01-01"))
                .body("period.fiscalYears", nullValue());
    }

    @Test
    void nullInAPatchRemovesAnOptionalField() throws Exception {
        String id = create(fullFigure(asOf("2019-06-30"), "Patch null " + UUID.randomUUID()));

        JsonNode patched = json(patch(id, "\"1\"", "{\"note\": null, \"source\": {\"publisher\": null}}")
                .statusCode(200).extract().asString());

        assertThat(patched.hasNonNull("note")).isFalse();
        assertThat(patched.path("source").has("publisher")).isFalse();
        assertThat(patched.at("/source/title").asText()).startsWith("Patch null");
        assertThat(patched.at("/source/url").asText()).isEqualTo("https://medicen.org/en/");
        JsonNode stored = read(id);
        assertThat(stored.hasNonNull("note")).isFalse();
        assertThat(stored.path("source").has("publisher")).isFalse();
        assertThat(stored.path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aPatchNeedsACurrentIfMatch() throws Exception {
        String id = create(fullFigure(asOf("2019-06-30"), "Patch if-match " + UUID.randomUUID()));

        patch(id, null, "{\"note\": \"x\"}").statusCode(428).contentType("application/problem+json")
                .body("status", equalTo(428));
        patch(id, "\"2\"", "{\"note\": \"x\"}").statusCode(412).contentType("application/problem+json");
        patch(id, "\"1\"", "{\"note\": \"x\"}").statusCode(200).body("version", equalTo(2));
        patch(id, "\"1\"", "{\"note\": \"y\"}").statusCode(412);
        patch(UUID.randomUUID().toString(), "\"1\"", "{\"note\": \"x\"}").statusCode(404)
                .contentType("application/problem+json");
        assertThat(read(id).path("note").asText()).isEqualTo("x");
    }

    @Test
    void refusedPatchesChangeNothingAndPublishNothing() throws Exception {
        String id = create(fullFigure(asOf("2019-06-30"), "Patch refused " + UUID.randomUUID()));
        JsonNode before = read(id);

        // a patch that leaves the figure invalid: each refused naming the field
        patch(id, "\"1\"", "{\"source\": {\"title\": null}}").statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("source.title"));
        patch(id, "\"1\"", "{\"indicator\": null, \"value\": {\"currency\": null}}").statusCode(400)
                .body("errors.field", hasItem("indicator"));
        patch(id, "\"1\"", "{\"value\": {\"currency\": null}}").statusCode(400)
                .body("errors.field", hasItem("value.currency"));
        patch(id, "\"1\"", "{\"nature\": \"SOMETIMES\"}").statusCode(400).body("errors.field", hasItem("nature"));
        patch(id, "\"1\"", "{\"period\": {\"date\": \"2019-02-30\"}}").statusCode(400)
                .body("errors.field", hasItem("period.date"));
        patch(id, "\"1\"", "{\"clusterId\": \"" + UUID.randomUUID() + "\"}").statusCode(400)
                .body("errors.field", hasItem("clusterId"));
        // not a merge patch at all
        patch(id, "\"1\"", "{\"note\": ").statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"));
        patch(id, "\"1\"", "{\"note\": \"x\"} trailing").statusCode(400).contentType("application/problem+json");
        patch(id, "\"1\"", "[{\"op\": \"replace\", \"path\": \"/note\", \"value\": \"x\"}]").statusCode(400)
                .body("errors.field", hasItem("body"));
        patch(id, "\"1\"", "\"note\"").statusCode(400).body("errors.field", hasItem("body"));
        patch(id, "\"1\"", "").statusCode(400).contentType("application/problem+json");
        // the wrong media type
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"note\": \"x\"}")
                .patch("/api/funding-figures/" + id).then().statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415)).body("detail", containsString(MERGE_PATCH));
        given().contentType("text/plain").header("If-Match", "\"1\"").body("{\"note\": \"x\"}")
                .patch("/api/funding-figures/" + id).then().statusCode(415);
        // another editor's figure: refused as PUT refuses it
        given().auth().oauth2(TestTokens.editor("partner-c")).contentType(MERGE_PATCH).header("If-Match", "\"1\"")
                .body("{\"note\": \"x\"}").patch("/api/funding-figures/" + id).then().statusCode(403)
                .body("type", equalTo("https://clusterbridge.org/problems/not-your-figure"));

        assertThat(read(id)).isEqualTo(before);
        // the one valid patch after them is version 2, and its event is the second and last of the figure
        patch(id, "\"1\"", "{\"value\": {\"qualifier\": \"APPROXIMATELY\"}}").statusCode(200)
                .body("version", equalTo(2)).body("value.qualifier", equalTo("APPROXIMATELY"));
        awaitEvents(id, 2);
        assertThat(events(id)).extracting(event -> event.path("sequence").asLong()).containsExactly(1L, 2L);
    }

    @Test
    void readOnlyFieldsInAPatchAreIgnored() throws Exception {
        String id = create(fullFigure(asOf("2019-06-30"), "Patch read-only " + UUID.randomUUID()));
        JsonNode before = read(id);

        patch(id, "\"1\"", "{\"id\": \"" + UUID.randomUUID() + "\", \"version\": 40, \"unit\": \"COUNT\", "
                + "\"createdBy\": \"someone\", \"note\": \"read-only ignored\"}").statusCode(200)
                .body("id", equalTo(id))
                .body("version", equalTo(2))
                .body("unit", equalTo("MONEY"))
                .body("createdBy", equalTo(before.path("createdBy").asText()))
                .body("note", equalTo("read-only ignored"));
    }

    private String fullFigure(String period, String sourceTitle) {
        return body(cluster, "total-investment", "ACTUAL",
                "{\"amount\": \"1900000000\", \"currency\": \"EUR\", \"qualifier\": \"NEARLY\"}", period, sourceTitle)
                .replace("\"source\"", "\"funders\": [{\"name\": \"FUI\", \"description\": \"French Inter-Ministry "
                        + "Fund\"}, {\"name\": \"ERDF\", \"amount\": \"12000000.50\", \"currency\": \"EUR\"}], "
                        + "\"note\": \"close to 1.9 billion\", \"source\"")
                .replace("\"publishedOn\": \"2020-02\"",
                        "\"publishedOn\": \"2020-02\", \"url\": \"https://medicen.org/en/\"");
    }

    private static JsonNode read(String id) throws Exception {
        return json(given().get("/api/funding-figures/" + id).then().statusCode(200).extract().asString());
    }

    private static JsonNode withoutPerVersionFields(JsonNode figure) {
        ObjectNode copy = figure.deepCopy();
        copy.remove(PER_VERSION);
        return copy;
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    private static ValidatableResponse put(String id, String ifMatch, String body) {
        return given().contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .put("/api/funding-figures/" + id).then();
    }

    private static ValidatableResponse patch(String id, String ifMatch, String body) {
        var request = given().contentType(MERGE_PATCH).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.patch("/api/funding-figures/" + id).then();
    }

    private void awaitEvents(String id, int count) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(id)).hasSize(count));
    }

    private List<JsonNode> events(String id) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicRecords.readAll(bootstrapServers, "funding-events")
                .stream().filter(r -> id.equals(r.key())).toList();
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            EventSchemas.assertValid(record.value());
            events.add(MAPPER.readTree(record.value()));
        }
        return events;
    }
}

package org.clusterbridge.funding.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.funding.Figures.asOf;
import static org.clusterbridge.funding.Figures.count;
import static org.clusterbridge.funding.Figures.money;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.funding.ClusterEvents;
import org.clusterbridge.funding.domain.FundingFigure;
import org.clusterbridge.testing.EventSchemas;
import org.clusterbridge.testing.TestTokens;
import org.clusterbridge.embedded.TopicRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Editors correct the figures they recorded, registry-admin corrects anyone's; every version names its author. */
@QuarkusTest
class CorrectionAccessTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NOT_YOURS = "https://clusterbridge.org/problems/not-your-figure";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEditorCorrectsOwnFiguresOnlyAndAdminsCorrectAnyone() {
        UUID cluster = ClusterEvents.register("audit-" + UUID.randomUUID(), "Audit cluster", null, "FR");
        String original = amount(cluster, "1000000");
        String partnerA = TestTokens.editor("partner-a");
        String partnerB = TestTokens.editor("partner-b");

        String id = given().auth().oauth2(partnerA).contentType(ContentType.JSON).body(original)
                .post("/api/funding-figures").then().statusCode(201)
                .body("createdBy", equalTo("partner-a")).body("updatedBy", equalTo("partner-a"))
                .extract().path("id");

        put(partnerA, id, "\"1\"", amount(cluster, "1100000")).statusCode(200)
                .body("version", equalTo(2))
                .body("createdBy", equalTo("partner-a")).body("updatedBy", equalTo("partner-a"));

        // another editor is refused whatever version it names, and nothing changes
        for (String ifMatch : List.of("\"1\"", "\"2\"")) {
            put(partnerB, id, ifMatch, amount(cluster, "9999999")).statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo(NOT_YOURS))
                    .body("status", equalTo(403))
                    .body("detail", allOf(containsString("partner-a"), containsString("registry-admin")));
        }
        given().get("/api/funding-figures/" + id).then().statusCode(200)
                .header("ETag", containsString("2"))
                .body("version", equalTo(2))
                .body("value.amount", equalTo("1100000"))
                .body("updatedBy", equalTo("partner-a"));
        given().get("/api/funding-figures/" + id + "/history").then().statusCode(200)
                .body("version", contains(1, 2));

        put(TestTokens.admin(), id, "\"2\"", amount(cluster, "1200000")).statusCode(200)
                .body("version", equalTo(3))
                .body("value.amount", equalTo("1200000"))
                .body("createdBy", equalTo("partner-a"))
                .body("updatedBy", equalTo(TestTokens.ADMIN_SUBJECT));

        given().auth().oauth2(TestTokens.reader()).get("/api/funding-figures/" + id + "/history").then()
                .statusCode(200)
                .body("version", contains(1, 2, 3))
                .body("change", contains("RECORDED", "CORRECTED", "CORRECTED"))
                .body("recordedBy", contains("partner-a", "partner-a", TestTokens.ADMIN_SUBJECT))
                .body("figure.updatedBy", contains("partner-a", "partner-a", TestTokens.ADMIN_SUBJECT))
                .body("figure.createdBy", contains("partner-a", "partner-a", "partner-a"));

        // the refusals published nothing: the topic holds exactly the three versions, in order
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> events = events(id);
            assertThat(events).hasSize(3);
            assertThat(events).extracting(e -> e.path("sequence").asLong()).containsExactly(1L, 2L, 3L);
            assertThat(events).extracting(e -> e.path("actor").asText())
                    .containsExactly("partner-a", "partner-a", TestTokens.ADMIN_SUBJECT);
            assertThat(events).extracting(e -> e.at("/data/createdBy").asText()).containsOnly("partner-a");
            assertThat(events).extracting(e -> e.at("/data/updatedBy").asText())
                    .containsExactly("partner-a", "partner-a", TestTokens.ADMIN_SUBJECT);
            assertThat(events).extracting(e -> e.at("/data/value/amount").asText())
                    .containsExactly("1000000", "1100000", "1200000");
        });
    }

    @Test
    void aFigureRecordedBeforeAuditingIsCorrectedByAdminsOnly() {
        UUID cluster = ClusterEvents.register("audit-old-" + UUID.randomUUID(), "Audit old cluster", null, "JP");
        String original = count(cluster, "jobs-created", "ACTUAL", 40, asOf("2015-03-31"), "Pre-audit source");
        String corrected = count(cluster, "jobs-created", "ACTUAL", 41, asOf("2015-03-31"), "Pre-audit source");
        String partnerA = TestTokens.editor("partner-a");
        String id = given().auth().oauth2(partnerA).contentType(ContentType.JSON).body(original)
                .post("/api/funding-figures").then().statusCode(201).extract().path("id");
        // as V2__audit.sql leaves the rows written before it
        QuarkusTransaction.requiringNew().run(() -> FundingFigure.update(
                "createdBy = null, updatedBy = null where id = ?1", UUID.fromString(id)));

        put(partnerA, id, "\"1\"", corrected).statusCode(403)
                .body("type", equalTo(NOT_YOURS))
                .body("detail", containsString("registry-admin"));
        given().get("/api/funding-figures/" + id).then().body("version", equalTo(1)).body("value.count", equalTo(40));

        put(TestTokens.admin(), id, "\"1\"", corrected).statusCode(200)
                .body("version", equalTo(2))
                .body("value.count", equalTo(41))
                .body("createdBy", nullValue())
                .body("updatedBy", equalTo(TestTokens.ADMIN_SUBJECT));
    }

    @Test
    void aReaderCannotRecordAndNothingIsStored() {
        UUID cluster = ClusterEvents.register("audit-reader-" + UUID.randomUUID(), "Audit reader cluster", null,
                "FR");
        given().auth().oauth2(TestTokens.reader()).contentType(ContentType.JSON)
                .body(count(cluster, "jobs-created", "ACTUAL", 5, asOf("2022-12-31"), "Reader source"))
                .post("/api/funding-figures").then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
        given().auth().oauth2(TestTokens.reader()).queryParam("clusterId", cluster.toString())
                .get("/api/funding-figures").then().statusCode(200)
                .body("total", equalTo(0));
        long stored = QuarkusTransaction.requiringNew().call(() -> FundingFigure.count("clusterId", cluster));
        assertThat(stored).isZero();
    }

    private static String amount(UUID cluster, String amount) {
        return money(cluster, "public-funding", "ACTUAL", "\"" + amount + "\"", "EUR", asOf("2021-12-31"),
                "Audit source");
    }

    private List<JsonNode> events(String id) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicRecords.readAll(bootstrapServers, "funding-events")
                .stream().filter(r -> id.equals(r.key())).toList();
        records.forEach(r -> EventSchemas.assertValid(r.value()));
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            events.add(MAPPER.readTree(record.value()));
        }
        return events;
    }

    private static ValidatableResponse put(String token, String id, String ifMatch, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .put("/api/funding-figures/" + id).then();
    }
}

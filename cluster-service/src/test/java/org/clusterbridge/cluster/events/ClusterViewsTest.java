package org.clusterbridge.cluster.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.testing.EventSchemas;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The profile's views follow agreement-events and funding-events, as mou-service and funding-service publish
 * them (events built to their schemas and sent to the real topics): redelivered, duplicated and out-of-order
 * events change nothing, unreadable records are skipped, and a rebuild converges to the same state.
 */
@QuarkusTest
class ClusterViewsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void agreementsOfAClusterCountActiveOnesAndNamePartners() throws Exception {
        String linkJ = register("link-j", "LINK-J", "CLUSTER", List.of());
        String medicen = register("medicen", "Medicen Paris Region", "CLUSTER", List.of());
        String biopmed = register("biopmed", "bioPmed", "CLUSTER", List.of());
        String biowin = register("biowin", "BioWin", "CLUSTER", List.of());
        String magia = register("magia", "MAGIA", "ALLIANCE", List.of(biopmed, biowin));
        String fbri = register("fbri", "FBRI", "FOUNDATION", List.of());

        String mou = UUID.randomUUID().toString();
        List<Map<String, Object>> parties = List.of(party(linkJ, List.of()), party(medicen, List.of()));
        String signed = agreementEvent("signed", mou, 1, "SIGNED", parties);
        String active = agreementEvent("updated", mou, 2, "ACTIVE", parties);
        // newest first, then the older one and a duplicate: only version 2 counts
        send(EventTopics.AGREEMENT_EVENTS, mou, active);
        send(EventTopics.AGREEMENT_EVENTS, mou, signed);
        send(EventTopics.AGREEMENT_EVENTS, mou, active);
        send(EventTopics.AGREEMENT_EVENTS, mou, "this is not an event");

        String magiaMou = UUID.randomUUID().toString();
        send(EventTopics.AGREEMENT_EVENTS, magiaMou, agreementEvent("signed", magiaMou, 1, "SIGNED",
                List.of(party(fbri, List.of()), party(magia, List.of(biopmed, biowin)))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> RestAssured.get("/api/clusters/" + biowin
                + "/profile").then().statusCode(200).body("agreements.count", equalTo(1)));
        RestAssured.get("/api/clusters/" + linkJ + "/profile").then().statusCode(200)
                .body("cluster.id", equalTo(linkJ))
                .body("agreements.count", equalTo(1))
                .body("agreements.activeCount", equalTo(1))
                .body("agreements.items[0].status", equalTo("ACTIVE"))
                .body("agreements.items[0].version", equalTo(2))
                .body("agreements.items[0].title.ja", equalTo("提携に関する覚書"))
                .body("agreements.partners", hasSize(1))
                .body("agreements.partners[0].clusterId", equalTo(medicen))
                .body("agreements.partners[0].names.en", equalTo("Medicen Paris Region"));
        RestAssured.get("/api/clusters/" + biowin + "/profile").then()
                .body("agreements.activeCount", equalTo(0))
                .body("agreements.items[0].viaAllianceId", equalTo(magia))
                .body("agreements.partners[0].clusterId", equalTo(fbri));
        RestAssured.get("/api/clusters/" + fbri + "/profile").then()
                .body("agreements.partners.clusterId", equalTo(List.of(magia)));

        // terminated later: still listed, no longer active
        send(EventTopics.AGREEMENT_EVENTS, mou, agreementEvent("terminated", mou, 3, "TERMINATED", parties));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> RestAssured.get("/api/clusters/" + medicen
                + "/profile").then().body("agreements.items[0].status", equalTo("TERMINATED"))
                .body("agreements.activeCount", equalTo(0)).body("agreements.count", equalTo(1)));
    }

    @Test
    void latestFiguresPerIndicatorSurviveRedeliveryAndRebuild() throws Exception {
        String medicen = register("medicen-figures", "Medicen figures", "CLUSTER", List.of());
        String early = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        String target = UUID.randomUUID().toString();
        String correctedEarly = figureEvent("corrected", early, 2, medicen, "projects-certified", "ACTUAL",
                Map.of("count", 306), "2019-10-01");
        send(EventTopics.FUNDING_EVENTS, early, correctedEarly);
        send(EventTopics.FUNDING_EVENTS, early, figureEvent("recorded", early, 1, medicen, "projects-certified",
                "ACTUAL", Map.of("count", 305), "2019-10-01"));
        String laterEvent = figureEvent("recorded", later, 1, medicen, "projects-certified", "ACTUAL",
                Map.of("count", 383), "2020-02-05");
        send(EventTopics.FUNDING_EVENTS, later, laterEvent);
        send(EventTopics.FUNDING_EVENTS, later, laterEvent);
        send(EventTopics.FUNDING_EVENTS, target, figureEvent("recorded", target, 1, medicen, "total-investment",
                "ACTUAL", Map.of("amount", "21000000000", "currency", "EUR"), "2020-02-05"));
        send(EventTopics.FUNDING_EVENTS, target, "{\"specversion\": \"1.0\"}");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertLatest(medicen));

        RestAssured.post("/api/admin/views/funding-events/rebuild").then().statusCode(200)
                .body("views", hasSize(1)).body("views[0]", org.hamcrest.Matchers.startsWith("FundingViews"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertLatest(medicen));
        RestAssured.post("/api/admin/views/no-such-channel/rebuild").then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static void assertLatest(String cluster) {
        RestAssured.get("/api/clusters/" + cluster + "/profile").then().statusCode(200)
                .body("latestFigures", hasSize(2))
                .body("latestFigures[0].indicator", equalTo("projects-certified"))
                .body("latestFigures[0].value.count", equalTo(383))
                .body("latestFigures[0].period.end", equalTo("2020-02-05"))
                .body("latestFigures[0].source.title", equalTo("LINK-J Concludes MOU"))
                .body("latestFigures[1].indicator", equalTo("total-investment"))
                .body("latestFigures[1].value.amount", equalTo("21000000000"));
        Integer corrected = RestAssured.get("/api/clusters/" + cluster + "/profile").path("latestFigures.size()");
        assertThat(corrected).isEqualTo(2);
    }

    private void send(String topic, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static String register(String prefix, String name, String kind, List<String> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("slug", prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("names", Map.of("en", name));
        body.put("kind", kind);
        body.put("country", "FR");
        body.put("memberClusterIds", members);
        return RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/clusters").then()
                .statusCode(201).extract().path("id");
    }

    private static Map<String, Object> party(String clusterId, List<String> coSigners) {
        return Map.of("clusterId", clusterId, "coSigners", coSigners);
    }

    /** An agreement event shaped as contracts/events/clusterbridge.agreement.*.v1.schema.json describe it. */
    private static String agreementEvent(String change, String id, long version, String status,
            List<Map<String, Object>> parties) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("reference", "MOU-" + id.substring(0, 8));
        data.put("title", Map.of("en", "Memorandum of understanding", "ja", "提携に関する覚書"));
        data.put("kind", "MOU");
        data.put("status", status);
        data.put("parties", parties);
        data.put("signedOn", "2020-02-05");
        data.put("effectiveFrom", "2020-02-05");
        data.put("expiresOn", "2025-02-04");
        data.put("purpose", Map.of("en", "Life-science innovation"));
        data.put("version", version);
        return envelope("agreement", change, "/mou-service", id, version, data);
    }

    /** A funding-figure event shaped as contracts/events/clusterbridge.funding-figure.*.v1.schema.json say. */
    private static String figureEvent(String change, String id, long version, String clusterId, String indicator,
            String nature, Map<String, Object> value, String asOf) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("clusterId", clusterId);
        data.put("indicator", indicator);
        data.put("nature", nature);
        data.put("value", value);
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("kind", "AS_OF");
        period.put("start", null);
        period.put("end", asOf);
        data.put("period", period);
        data.put("source", Map.of("title", "LINK-J Concludes MOU", "language", "en"));
        data.put("funders", new ArrayList<>());
        data.put("version", version);
        return envelope("funding-figure", change, "/funding-service", id, version, data);
    }

    private static String envelope(String aggregate, String change, String source, String id, long version,
            Map<String, Object> data) throws Exception {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", source);
        event.put("type", "clusterbridge." + aggregate + "." + change + ".v1");
        event.put("subject", id);
        event.put("time", OffsetDateTime.now(ZoneOffset.UTC).toString());
        event.put("datacontenttype", "application/json");
        event.put("sequence", version);
        event.put("actor", "partner-system");
        event.put("data", data);
        String json = MAPPER.writeValueAsString(event);
        EventSchemas.assertValid(json);
        return json;
    }
}

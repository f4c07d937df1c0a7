package org.clusterbridge.mou.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.mou.Agreements.body;
import static org.clusterbridge.mou.Agreements.create;
import static org.clusterbridge.mou.Agreements.party;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.clusterbridge.mou.ClusterEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Updates;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The list filters, statuses at their boundary dates, alliance reach and the network, on the MongoDB-wire
 * server. Every case uses clusters of its own (and countries no other test uses), so other tests' data cannot match.
 */
@QuarkusTest
class AgreementQueriesTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static UUID kobe;
    static UUID alliance;
    static UUID lyon;
    static UUID turin;
    static UUID quietMember;
    static UUID paris;


    @BeforeEach
    void clusters() {
        if (kobe != null) {
            return;
        }
        kobe = ClusterEvents.cluster("Kobe test cluster", "FJ");
        lyon = ClusterEvents.cluster("Lyon test cluster", "TV");
        turin = ClusterEvents.cluster("Turin test cluster", "NR");
        quietMember = ClusterEvents.cluster("Quiet member", "KI");
        paris = ClusterEvents.cluster("Paris test cluster", "TV");
        alliance = ClusterEvents.alliance("Test alliance", "WS", List.of(lyon, turin, quietMember));
    }

    @Test
    void statusFollowsTheDatesAtTheirBoundaries() {
        String effectiveToday = create(dated(TODAY.minusDays(1), TODAY, null));
        String effectiveTomorrow = create(dated(TODAY, TODAY.plusDays(1), null));
        String expiresToday = create(dated(TODAY.minusYears(1), null, TODAY));
        String expiresTomorrow = create(dated(TODAY.minusYears(1), null, TODAY.plusDays(1)));
        String openEnded = create(dated(TODAY.minusYears(3), null, null));
        String terminated = create(dated(TODAY.minusYears(1), null, null));
        given().contentType(ContentType.JSON).body(Map.of("date", TODAY.toString(), "reason", "ended early"))
                .post("/api/agreements/" + terminated + "/termination").then().statusCode(200);

        assertStatus(effectiveToday, "ACTIVE");
        assertStatus(effectiveTomorrow, "SIGNED");
        assertStatus(expiresToday, "EXPIRED");
        assertStatus(expiresTomorrow, "ACTIVE");
        assertStatus(openEnded, "ACTIVE");
        assertStatus(terminated, "TERMINATED");

        assertThat(ids("/api/agreements?clusterId=" + kobe + "&status=ACTIVE&size=200"))
                .contains(effectiveToday, expiresTomorrow, openEnded)
                .doesNotContain(effectiveTomorrow, expiresToday, terminated);
        assertThat(ids("/api/agreements?clusterId=" + kobe + "&status=signed"))
                .contains(effectiveTomorrow).doesNotContain(effectiveToday, openEnded);
        assertThat(ids("/api/agreements?clusterId=" + kobe + "&status=EXPIRED&size=200"))
                .contains(expiresToday).doesNotContain(expiresTomorrow, openEnded, terminated);
        assertThat(ids("/api/agreements?clusterId=" + kobe + "&status=TERMINATED&size=200"))
                .contains(terminated).doesNotContain(openEnded);
        assertThat(ids("/api/agreements?clusterId=" + kobe + "&expiringWithinDays=1&size=200"))
                .contains(expiresTomorrow).doesNotContain(expiresToday, openEnded, effectiveToday);
        assertThat(ids("/api/agreements?clusterId=" + kobe + "&expiringWithinDays=0&size=200")).isEmpty();
    }

    @Test
    void filtersBySigningDatesAndFocusArea() {
        UUID a = ClusterEvents.cluster("Dated A", "TO");
        UUID b = ClusterEvents.cluster("Dated B", "TO");
        Map<String, Object> early = body(a, b, LocalDate.of(2019, 12, 31));
        early.put("focusAreas", List.of("biomaterials"));
        String earlyId = create(early);
        String onFirst = create(body(a, b, LocalDate.of(2020, 1, 1)));
        String onLast = create(body(a, b, LocalDate.of(2020, 12, 31)));
        assertThat(ids("/api/agreements?clusterId=" + a + "&signedFrom=2020-01-01&signedTo=2020-12-31"))
                .containsExactly(onLast, onFirst);
        assertThat(ids("/api/agreements?clusterId=" + a + "&signedTo=2019-12-31")).containsExactly(earlyId);
        assertThat(ids("/api/agreements?clusterId=" + a + "&focusArea=biomaterials")).containsExactly(earlyId);
        assertThat(ids("/api/agreements?focusArea=biomaterials&size=200")).contains(earlyId)
                .doesNotContain(onFirst);
    }

    @Test
    void pagesAreOrderedByMostRecentSigning() {
        UUID a = ClusterEvents.cluster("Paged A", "PW");
        UUID b = ClusterEvents.cluster("Paged B", "PW");
        for (int day = 1; day <= 5; day++) {
            create(body(a, b, LocalDate.of(2021, 5, day)));
        }
        JsonPath first = given().get("/api/agreements?clusterId=" + a + "&size=2").then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(2)).extract().jsonPath();
        assertThat(first.getList("items.signedOn", String.class)).containsExactly("2021-05-05", "2021-05-04");
        JsonPath last = given().get("/api/agreements?clusterId=" + a + "&size=2&page=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(last.getList("items.signedOn", String.class)).containsExactly("2021-05-01");
        given().get("/api/agreements?clusterId=" + a + "&size=2&page=9").then().body("items.size()", equalTo(0))
                .body("total", equalTo(5));
    }

    @Test
    void aClusterSeesAgreementsSignedThroughItsAlliance() {
        Map<String, Object> body = body(kobe, alliance, LocalDate.of(2022, 3, 22));
        body.put("parties", List.of(party(kobe), party(alliance, lyon, turin)));
        body.put("signatories", List.of());
        String id = create(body);
        String unrelated = create(body(paris, turin, LocalDate.of(2022, 1, 1)));

        for (UUID cluster : List.of(kobe, alliance, lyon, quietMember)) {
            assertThat(ids("/api/clusters/" + cluster + "/agreements?size=200")).as("agreements of " + cluster)
                    .contains(id);
        }
        assertThat(ids("/api/clusters/" + paris + "/agreements?size=200")).contains(unrelated).doesNotContain(id);
        String slug = given().get("/api/agreements/" + id).then().extract().path("parties[1].coSigners[0].slug");
        assertThat(ids("/api/clusters/" + slug + "/agreements?size=200")).contains(id);
        // The list's own clusterId filter matches parties and co-signers, not every member.
        assertThat(ids("/api/agreements?clusterId=" + lyon + "&size=200")).contains(id);
        assertThat(ids("/api/agreements?clusterId=" + quietMember + "&size=200")).doesNotContain(id);
    }

    @Test
    void countryMatchesAnyPartyOrCoSigner() {
        Map<String, Object> body = body(kobe, alliance, LocalDate.of(2022, 3, 22));
        body.put("parties", List.of(party(kobe), party(alliance, lyon)));
        body.put("signatories", List.of());
        String viaCoSigner = create(body);
        String direct = create(body(paris, kobe, LocalDate.of(2021, 1, 1)));
        assertThat(ids("/api/agreements?country=TV&size=200")).contains(viaCoSigner, direct);
        assertThat(ids("/api/agreements?country=fj&size=200")).contains(viaCoSigner, direct);
        assertThat(ids("/api/agreements?country=NR&size=200")).doesNotContain(viaCoSigner, direct);
        assertThat(ids("/api/agreements?country=SB")).isEmpty();
    }

    @Test
    void theNetworkHasClustersAsNodesAndAgreementsAsEdges() {
        UUID jp = ClusterEvents.cluster("Network JP", "MH");
        UUID fr = ClusterEvents.cluster("Network FR", "MH");
        UUID member = ClusterEvents.cluster("Network member", "FM");
        UUID magia = ClusterEvents.alliance("Network alliance", "FM", List.of(member));
        Map<String, Object> body = body(jp, magia, LocalDate.of(2022, 3, 22));
        body.put("parties", List.of(party(jp), party(magia, member)));
        body.put("signatories", List.of());
        String allianceMou = create(body);
        Map<String, Object> old = body(jp, fr, LocalDate.of(2015, 2, 5));
        old.put("term", Map.of("years", 5));
        String expired = create(old);

        JsonPath network = given().get("/api/network?country=MH").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> edges = network.getList("edges");
        assertThat(edges).filteredOn(e -> e.get("agreementId").equals(allianceMou)).singleElement()
                .satisfies(e -> {
                    assertThat(e).containsEntry("source", jp.toString()).containsEntry("target", magia.toString())
                            .containsEntry("status", "ACTIVE").containsEntry("signedOn", "2022-03-22")
                            .containsEntry("kind", "MOU");
                    assertThat(e.get("coSigners")).isEqualTo(List.of(member.toString()));
                });
        assertThat(edges).filteredOn(e -> e.get("agreementId").equals(expired)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("status", "EXPIRED")
                        .containsEntry("expiresOn", "2020-02-05"));
        List<Map<String, Object>> nodes = network.getList("nodes");
        assertThat(nodes).extracting(n -> n.get("id")).contains(jp.toString(), fr.toString(), magia.toString(),
                member.toString()).doesNotHaveDuplicates();
        assertThat(nodes).filteredOn(n -> n.get("id").equals(magia.toString())).singleElement()
                .satisfies(n -> assertThat(n).containsEntry("name", "Network alliance")
                        .containsEntry("country", "FM").containsEntry("kind", "ALLIANCE"));

        JsonPath active = given().get("/api/network?country=MH&status=ACTIVE").then().statusCode(200).extract()
                .jsonPath();
        assertThat(active.getList("edges.agreementId")).contains(allianceMou).doesNotContain(expired);
        assertThat(given().get("/api/network?country=SB").then().statusCode(200).extract().jsonPath()
                .getList("nodes")).isEmpty();
    }

    @Test
    void updatedSinceKeepsWhatChangedAtOrAfterItOnBothLists() {
        UUID a = ClusterEvents.cluster("Synced A", "VU");
        UUID b = ClusterEvents.cluster("Synced B", "VU");
        Map<String, Object> firstBody = body(a, b, LocalDate.of(2023, 4, 1));
        String first = create(firstBody);
        Map<String, Object> secondBody = body(a, b, LocalDate.of(2023, 4, 2));
        secondBody.put("focusAreas", List.of("biomaterials"));
        String second = create(secondBody);
        Instant recorded = updatedAt(first);
        Instant secondRecorded = updatedAt(second);
        String ofA = "/api/agreements?clusterId=" + a + "&updatedSince=";
        String ofClusterA = "/api/clusters/" + a + "/agreements?updatedSince=";

        assertThat(rawIds(ofA + recorded.minusMillis(1))).containsExactly(second, first);
        assertThat(rawIds(ofClusterA + recorded.minusMillis(1))).containsExactly(second, first);
        assertThat(rawIds(ofA + recorded)).contains(first);
        assertThat(rawIds(ofA + recorded.plusNanos(1))).doesNotContain(first);
        assertThat(rawIds(ofA + secondRecorded + "&focusArea=biomaterials")).containsExactly(second);
        assertThat(rawIds(ofA + secondRecorded.plusMillis(1) + "&focusArea=biomaterials")).isEmpty();
        assertThat(rawIds(ofClusterA + recorded.plusNanos(1) + "&focusArea=digital-health")).isEmpty();

        firstBody.put("notes", "corrected for the sync test");
        given().contentType(ContentType.JSON).body(firstBody).header("If-Match", "1").put("/api/agreements/" + first)
                .then().statusCode(200);
        Instant corrected = updatedAt(first);
        assertThat(corrected).isAfter(recorded);
        given().urlEncodingEnabled(false).get(ofA + recorded.plusNanos(1) + "&focusArea=digital-health").then()
                .statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(first)).body("items[0].version", equalTo(2));
        assertThat(rawIds(ofClusterA + recorded.plusNanos(1) + "&focusArea=digital-health")).containsExactly(first);
        assertThat(rawIds(ofClusterA + corrected + "&focusArea=digital-health")).containsExactly(first);
        assertThat(rawIds(ofClusterA + corrected.plusNanos(1000) + "&focusArea=digital-health")).isEmpty();
        String inTokyo = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(corrected,
                ZoneOffset.ofHours(9)));
        assertThat(rawIds(ofClusterA + inTokyo.replace("+", "%2B") + "&status=ACTIVE")).containsExactly(first);
        // unencoded, the plus arrives as a space
        assertThat(rawIds(ofClusterA + inTokyo + "&status=ACTIVE")).containsExactly(first);
    }

    @Test
    void updatedSinceComparesTheStoredTimesAtEveryPrecision() {
        UUID a = ClusterEvents.cluster("Stored times A", "VU");
        UUID b = ClusterEvents.cluster("Stored times B", "VU");
        String onTheSecond = create(body(a, b, LocalDate.of(2023, 5, 2)));
        String inMillis = create(body(a, b, LocalDate.of(2023, 5, 1)));
        String neverAudited = create(body(a, b, LocalDate.of(2023, 4, 30)));
        storeUpdatedAt(onTheSecond, "2026-01-31T00:00:05Z");
        storeUpdatedAt(inMillis, "2026-01-31T00:00:05.120Z");
        // agreements recorded before auditing began have no updatedAt: every recorded change comes after them
        org.clusterbridge.mou.Agreements.collection()
                .updateOne(new Document("_id", neverAudited), Updates.unset("updatedAt"));
        String ofA = "/api/agreements?clusterId=" + a;

        assertThat(rawIds(ofA)).containsExactly(onTheSecond, inMillis, neverAudited);
        for (String since : List.of("2026-01-30T23:00:00Z", "2026-01-31T00:00:04.999999999Z", "2026-01-31T00:00:05Z",
                "2026-01-31T09:00:05%2B09:00")) {
            assertThat(rawIds(ofA + "&updatedSince=" + since)).as(since).containsExactly(onTheSecond, inMillis);
        }
        for (String since : List.of("2026-01-31T00:00:05.000000001Z", "2026-01-31T00:00:05.1Z",
                "2026-01-31T00:00:05.12Z", "2026-01-31T00:00:05.120Z", "2026-01-30T19:00:05.12-05:00")) {
            assertThat(rawIds(ofA + "&updatedSince=" + since)).as(since).containsExactly(inMillis);
        }
        for (String since : List.of("2026-01-31T00:00:05.1200001Z", "2026-01-31T00:00:05.121Z",
                "2026-01-31T00:00:05.2Z", "2026-01-31T00:00:06Z", "2027-01-01T00:00:00Z")) {
            assertThat(rawIds(ofA + "&updatedSince=" + since)).as(since).isEmpty();
        }
    }

    @Test
    void anUpdatedSinceThatIsNotAnInstantIsNamed() {
        UUID cluster = ClusterEvents.cluster("Sync checked", "VU");
        for (String url : List.of("/api/agreements?updatedSince=", "/api/agreements?status=ACTIVE&updatedSince=",
                "/api/clusters/" + cluster + "/agreements?updatedSince=")) {
            for (String bad : List.of("yesterday", "2026-13-01T00:00:00Z", "2026-01-31", "2026-01-31T00:00:00",
                    "%2B10000-01-01T00:00:00Z")) {
                given().urlEncodingEnabled(false).get(url + bad).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", contains("updatedSince"))
                        .body("errors[0].message", containsString("2026-01-31T00:00:00Z"));
            }
        }
        given().get("/api/agreements?updatedSince=").then().statusCode(200);
    }

    private static Instant updatedAt(String id) {
        return Instant.parse(given().get("/api/agreements/" + id).then().statusCode(200).extract()
                .<String> path("updatedAt"));
    }

    /** The ids a URL lists, the URL sent as written (its query encoded by the test, or not). */
    private static List<String> rawIds(String url) {
        return given().urlEncodingEnabled(false).get(url).then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class);
    }

    private void storeUpdatedAt(String id, String updatedAt) {
        org.clusterbridge.mou.Agreements.collection()
                .updateOne(new Document("_id", id), Updates.set("updatedAt", updatedAt));
    }

    private Map<String, Object> dated(LocalDate signedOn, LocalDate effectiveFrom, LocalDate expiresOn) {
        Map<String, Object> body = body(kobe, paris, signedOn);
        if (effectiveFrom != null) {
            body.put("effectiveFrom", effectiveFrom.toString());
        }
        if (expiresOn != null) {
            body.put("expiresOn", expiresOn.toString());
        }
        return body;
    }

    private static void assertStatus(String id, String status) {
        given().get("/api/agreements/" + id).then().statusCode(200).body("status", equalTo(status));
    }

    static List<String> ids(String url) {
        return given().get(url).then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }
}

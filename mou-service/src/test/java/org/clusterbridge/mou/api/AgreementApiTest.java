package org.clusterbridge.mou.api;

import static io.restassured.RestAssured.given;
import static org.clusterbridge.mou.Agreements.body;
import static org.clusterbridge.mou.Agreements.create;
import static org.clusterbridge.mou.Agreements.party;
import static org.clusterbridge.mou.Agreements.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.bson.Document;
import org.clusterbridge.mou.ClusterEvents;
import org.clusterbridge.mou.store.AgreementStore;
import org.clusterbridge.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Updates;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every endpoint of the register and every rule, each answered with a problem naming the field. */
@QuarkusTest
class AgreementApiTest {

    static UUID linkJ;
    static UUID medicen;
    static UUID retired;
    static LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

    @Inject
    MongoClient mongo;
    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @BeforeEach
    void clusters() {
        if (linkJ != null) {
            return;
        }
        linkJ = ClusterEvents.cluster("Life Science Innovation Network Japan", "JP");
        medicen = ClusterEvents.cluster("Medicen Paris Region", "FR");
        retired = ClusterEvents.register(ClusterEvents.state(UUID.randomUUID(), ClusterEvents.slug("old"),
                "Old cluster", "DE", "CLUSTER", List.of(), "RETIRED", 2)).get(0);
    }

    @Test
    void recordsAnAgreementAndServesItWithPartyNames() {
        Map<String, Object> body = body(linkJ, medicen, LocalDate.of(2020, 2, 5));
        body.put("term", Map.of("years", 5));
        body.put("signingCeremony", Map.of("mode", "IN_PERSON", "place", "Nihonbashi, Tokyo",
                "start", "2020-02-05T10:00", "end", "2020-02-05T10:30", "timeZone", "Asia/Tokyo"));
        body.put("sources", List.of(Map.of("title", "LINK-J Concludes MOU", "publisher", "LINK-J", "language", "en",
                "publishedOn", "2020-02-05", "url", "https://www.link-j.org/")));
        body.put("notes", "first of the seeds");
        var response = post(body).statusCode(201)
                .header("Location", containsString("/api/agreements/"))
                .header("ETag", matchesPattern("\"1\\.[0-9a-f]{16}\""))
                .body("version", equalTo(1))
                .body("effectiveFrom", equalTo("2020-02-05"))
                .body("expiresOn", equalTo("2025-02-05"))
                .body("term.years", equalTo(5))
                .body("status", equalTo(today.isBefore(LocalDate.of(2025, 2, 5)) ? "ACTIVE" : "EXPIRED"))
                .body("parties[0].names.en", equalTo("Life Science Innovation Network Japan"))
                .body("parties[1].country", equalTo("FR"))
                .body("signatories[0].nativeName", equalTo("曾山明彦"))
                .body("signatories[0].clusterNames.en", equalTo("Life Science Innovation Network Japan"))
                .body("signingCeremony.startsAt", equalTo("2020-02-05T10:00:00+09:00"))
                .body("sources[0].publisher", equalTo("LINK-J"))
                .body("termination", nullValue())
                .body("createdBy", equalTo(TestTokens.ADMIN_SUBJECT))
                .body("updatedBy", equalTo(TestTokens.ADMIN_SUBJECT))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue());
        String id = response.extract().path("id");
        String location = response.extract().header("Location");
        org.assertj.core.api.Assertions.assertThat(location).endsWith("/api/agreements/" + id);

        given().get("/api/agreements/" + id).then().statusCode(200)
                .header("ETag", matchesPattern("\"1\\.[0-9a-f]{16}\""))
                .body("reference", equalTo(body.get("reference")))
                .body("title.ja", equalTo("覚書"))
                .body("focusAreas", contains("digital-health"))
                .body("notes", equalTo("first of the seeds"));
    }

    @Test
    void aDuplicateReferenceIsAConflict() {
        Map<String, Object> body = body(linkJ, medicen, today);
        create(body);
        post(body).statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("reference"));
    }

    @Test
    void unknownAndMalformedAgreementsAreNotFound() {
        given().get("/api/agreements/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/agreements/not-a-uuid").then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("date", today.toString(), "reason", "x"))
                .post("/api/agreements/" + UUID.randomUUID() + "/termination").then().statusCode(404);
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        Map<String, Object> body = body(linkJ, medicen, LocalDate.of(2021, 1, 1));
        String id = create(body);
        body.put("notes", "corrected");
        body.put("expiresOn", "2031-01-01");
        given().contentType(ContentType.JSON).body(body).put("/api/agreements/" + id).then().statusCode(428);
        given().contentType(ContentType.JSON).body(body).header("If-Match", "\"7\"").put("/api/agreements/" + id)
                .then().statusCode(412);
        given().contentType(ContentType.JSON).body(body).header("If-Match", "\"1\"").put("/api/agreements/" + id)
                .then().statusCode(200).header("ETag", matchesPattern("\"2\\.[0-9a-f]{16}\""))
                .body("version", equalTo(2))
                .body("notes", equalTo("corrected")).body("expiresOn", equalTo("2031-01-01"));
        given().contentType(ContentType.JSON).body(body).header("If-Match", "\"1\"").put("/api/agreements/" + id)
                .then().statusCode(412);
        given().contentType(ContentType.JSON).body(body).header("If-Match", "\"2\"")
                .put("/api/agreements/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anUpdateCannotTakeAnotherAgreementsReference() {
        Map<String, Object> first = body(linkJ, medicen, today);
        create(first);
        Map<String, Object> second = body(linkJ, medicen, today);
        String id = create(second);
        second.put("reference", first.get("reference"));
        given().contentType(ContentType.JSON).body(second).header("If-Match", "1").put("/api/agreements/" + id)
                .then().statusCode(409).body("errors.field", hasItem("reference"));
        given().get("/api/agreements/" + id).then().body("version", equalTo(1));
    }

    @Test
    void terminatesOnceWithDateAndReason() {
        String id = create(body(linkJ, medicen, LocalDate.of(2021, 3, 1)));
        given().contentType(ContentType.JSON).body(Map.of("date", today.plusDays(1).toString(), "reason", "x"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        given().contentType(ContentType.JSON).body(Map.of("date", "2021-02-01", "reason", "x"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(400)
                .body("errors.field", hasItem("date"));
        given().contentType(ContentType.JSON).body(Map.of("date", "2023-06-30"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        given().contentType(ContentType.JSON).body(Map.of("date", "2023-06-30", "reason", "merged programmes"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(200)
                .header("ETag", matchesPattern("\"2\\.[0-9a-f]{16}\""))
                .body("updatedBy", equalTo(TestTokens.ADMIN_SUBJECT))
                .body("status", equalTo("TERMINATED"))
                .body("termination.date", equalTo("2023-06-30"))
                .body("termination.reason", equalTo("merged programmes"));
        given().contentType(ContentType.JSON).body(Map.of("date", "2023-07-30", "reason", "again"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/agreements/" + id).then().body("termination.date", equalTo("2023-06-30"));
    }

    @Test
    void aReaderCannotRecordAndNothingIsStored() {
        Map<String, Object> body = body(linkJ, medicen, today);
        long before = given().get("/api/agreements?clusterId=" + linkJ).then().extract().jsonPath().getLong("total");
        given().auth().oauth2(TestTokens.reader()).contentType(ContentType.JSON).body(body).post("/api/agreements")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().auth().oauth2(TestTokens.reader()).get("/api/agreements?clusterId=" + linkJ).then().statusCode(200)
                .body("total", equalTo((int) before));
        // the reference is still free
        given().auth().oauth2(TestTokens.editor("partner-a")).contentType(ContentType.JSON).body(body)
                .post("/api/agreements").then().statusCode(201).body("createdBy", equalTo("partner-a"));
    }

    @Test
    void agreementsRecordedBeforeAuditingShowNoAuthor() {
        Map<String, Object> body = body(linkJ, medicen, LocalDate.of(2021, 5, 1));
        String id = create(body);
        mongo.getDatabase(database).getCollection(AgreementStore.COLLECTION).updateOne(new Document("_id", id),
                Updates.combine(Updates.unset("createdAt"), Updates.unset("createdBy"), Updates.unset("updatedAt"),
                        Updates.unset("updatedBy")));
        given().get("/api/agreements/" + id).then().statusCode(200)
                .body("createdBy", nullValue()).body("createdAt", nullValue())
                .body("updatedBy", nullValue()).body("updatedAt", nullValue());
        body.put("notes", "corrected after auditing began");
        given().auth().oauth2(TestTokens.editor("partner-b")).contentType(ContentType.JSON).body(body)
                .header("If-Match", "1").put("/api/agreements/" + id).then().statusCode(200)
                .body("createdBy", nullValue()).body("createdAt", nullValue())
                .body("updatedBy", equalTo("partner-b")).body("updatedAt", notNullValue());
    }

    @Test
    void partiesMustBeTwoDistinctClusters() {
        Map<String, Object> one = body(linkJ, medicen, today);
        one.put("parties", List.of(party(linkJ)));
        post(one).statusCode(400).body("errors.field", hasItem("parties"));

        Map<String, Object> twice = body(linkJ, medicen, today);
        twice.put("parties", List.of(party(linkJ), party(linkJ)));
        post(twice).statusCode(400).body("errors.field", hasItem("parties[1].clusterId"));

        Map<String, Object> none = body(linkJ, medicen, today);
        none.remove("parties");
        post(none).statusCode(400).body("errors.field", hasItem("parties"));
    }

    @Test
    void partiesMustBeKnownAndNotRetired() {
        UUID unknown = UUID.randomUUID();
        post(body(linkJ, unknown, today)).statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("parties[1].clusterId"))
                .body("errors[0].message", containsString(unknown.toString()));
        post(body(retired, linkJ, today)).statusCode(422)
                .body("errors[0].field", equalTo("parties[0].clusterId"))
                .body("errors[0].message", containsString("retired"));
    }

    @Test
    void coSignersMustBeMembersOfTheirAlliance() {
        UUID member = ClusterEvents.cluster("Member cluster", "IT");
        UUID outsider = ClusterEvents.cluster("Outsider cluster", "BE");
        UUID alliance = ClusterEvents.alliance("Alliance", "BE", List.of(member));
        Map<String, Object> body = body(linkJ, alliance, today);
        body.put("parties", List.of(party(linkJ), party(alliance, member, outsider)));
        post(body).statusCode(422).body("errors.field", contains("parties[1].coSigners[1]"))
                .body("errors[0].message", containsString("not a member"));
        body.put("parties", List.of(party(linkJ, member), party(alliance)));
        post(body).statusCode(422).body("errors.field", contains("parties[0].coSigners[0]"));
        body.put("parties", List.of(party(linkJ), party(alliance, member)));
        body.put("signatories", List.of(Map.of("name", "Alberta Pasquero", "title", "CEO", "clusterId",
                member.toString())));
        post(body).statusCode(201).body("parties[1].coSigners[0].names.en", equalTo("Member cluster"));
    }

    @Test
    void signatoriesSignForAPartyOrCoSigner() {
        Map<String, Object> body = body(linkJ, medicen, today);
        body.put("signatories", List.of(Map.of("name", "Someone", "clusterId", UUID.randomUUID().toString()),
                Map.of("title", "CEO", "clusterId", medicen.toString())));
        post(body).statusCode(400).body("errors.field", contains("signatories[0].clusterId",
                "signatories[1].name"));
    }

    @Test
    void datesFollowTheRules() {
        Map<String, Object> body = body(linkJ, medicen, LocalDate.of(2022, 3, 22));
        body.put("effectiveFrom", "2022-03-01");
        post(body).statusCode(400).body("errors.field", contains("effectiveFrom"));
        body.put("effectiveBeforeSigning", true);
        post(body).statusCode(201).body("effectiveFrom", equalTo("2022-03-01"));

        Map<String, Object> both = body(linkJ, medicen, LocalDate.of(2022, 3, 22));
        both.put("term", Map.of("years", 3));
        both.put("expiresOn", "2025-03-22");
        post(both).statusCode(400).body("errors.field", contains("term"));

        Map<String, Object> early = body(linkJ, medicen, LocalDate.of(2022, 3, 22));
        early.put("expiresOn", "2022-03-22");
        post(early).statusCode(400).body("errors.field", contains("expiresOn"));

        Map<String, Object> months = body(linkJ, medicen, LocalDate.of(2022, 3, 22));
        months.put("term", Map.of("months", 18));
        post(months).statusCode(201).body("expiresOn", equalTo("2023-09-22"));

        Map<String, Object> noLength = body(linkJ, medicen, LocalDate.of(2022, 3, 22));
        noLength.put("term", Map.of());
        post(noLength).statusCode(400).body("errors.field", contains("term"));

        Map<String, Object> huge = body(linkJ, medicen, LocalDate.of(2022, 3, 22));
        huge.put("term", Map.of("years", 1_000_000));
        post(huge).statusCode(400).body("errors.field", contains("term.years"));

        Map<String, Object> future = body(linkJ, medicen, today.plusDays(3));
        post(future).statusCode(400).body("errors.field", contains("signedOn"));
    }

    @Test
    void detailsAreValidatedWithFieldNames() {
        Map<String, Object> body = body(linkJ, medicen, today);
        body.put("title", Map.of("ja", "覚書"));
        body.put("focusAreas", List.of("digital-health", "astrology"));
        body.put("signingCeremony", Map.of("mode", "ONLINE", "start", "2022-03-22T17:00", "end",
                "2022-03-22T16:00", "timeZone", "Mars/Olympus"));
        body.put("sources", List.of(Map.of("title", "Press release", "url", "not a url")));
        body.remove("kind");
        post(body).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("title.en", "kind", "focusAreas[1]", "signingCeremony.platform",
                        "signingCeremony.timeZone", "sources[0].url"));
    }

    @Test
    void malformedRequestsAreClientErrors() {
        given().contentType(ContentType.JSON).body("{\"reference\": ").post("/api/agreements").then()
                .statusCode(400).contentType("application/problem+json");
        Map<String, Object> body = body(linkJ, medicen, today);
        body.put("kind", "TREATY");
        post(body).log().ifValidationFails().statusCode(400).body("errors.field", contains("kind"));
        body = body(linkJ, medicen, today);
        body.put("signedOn", "2020-02-30");
        post(body).statusCode(400).body("errors.field", contains("signedOn"));
        body = body(linkJ, medicen, today);
        body.put("parties", List.of(Map.of("clusterId", "nope"), party(medicen)));
        post(body).statusCode(400);
        body = body(linkJ, medicen, today);
        body.put("colour", "blue");
        post(body).statusCode(400).body("errors.field", contains("colour"));
        body = body(linkJ, medicen, today);
        body.put("term", Map.of("years", new java.math.BigInteger("99999999999999999999999")));
        post(body).statusCode(400);
        given().contentType(ContentType.JSON).body("[]").post("/api/agreements").then().statusCode(400);
        given().contentType(ContentType.JSON).body("null").post("/api/agreements").then().statusCode(400);
    }

    @Test
    void badQueryParametersAreNamed() {
        given().get("/api/agreements?clusterId=x").then().statusCode(400).body("errors.field", contains("clusterId"));
        given().get("/api/agreements?status=PENDING").then().statusCode(400).body("errors.field", contains("status"));
        given().get("/api/agreements?country=France").then().statusCode(400).body("errors.field",
                contains("country"));
        given().get("/api/agreements?focusArea=astrology").then().statusCode(400).body("errors.field",
                contains("focusArea"));
        given().get("/api/agreements?signedFrom=2020-13-01").then().statusCode(400).body("errors.field",
                contains("signedFrom"));
        given().get("/api/agreements?signedFrom=2021-01-01&signedTo=2020-01-01").then().statusCode(400)
                .body("errors.field", contains("signedTo"));
        given().get("/api/agreements?expiringWithinDays=-1").then().statusCode(400).body("errors.field",
                contains("expiringWithinDays"));
        given().get("/api/agreements?expiringWithinDays=99999999999").then().statusCode(400);
        given().get("/api/agreements?size=500").then().statusCode(400).body("errors.field", contains("size"));
        given().get("/api/network?status=x").then().statusCode(400).body("errors.field", contains("status"));
        given().get("/api/clusters/" + UUID.randomUUID() + "/agreements").then().statusCode(404);
        given().get("/api/clusters/no-such-slug/agreements").then().statusCode(404)
                .body("detail", endsWith("does not exist"));
    }
}

package org.clusterbridge.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.cluster.api.ClusterBodies.cluster;
import static org.clusterbridge.cluster.api.ClusterBodies.register;
import static org.clusterbridge.cluster.api.ClusterBodies.unique;
import static org.clusterbridge.cluster.api.ClusterBodies.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Register, read, update and retire clusters, and every way a request can be wrong. */
@QuarkusTest
class ClusterApiTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void registeringReturnsTheStoredClusterWithLocationAndEtag() {
        String slug = unique("medicen");
        Map<String, Object> body = cluster(slug, "Medicen Paris Région");
        body.put("acronym", "MPR");
        body.put("legalForm", "non-profit association");
        body.put("region", "Île-de-France");
        body.put("city", "Paris");
        body.put("foundedOn", Map.of("date", "2005-01-03", "precision", "DAY"));
        body.put("website", "https://medicen.org/en/");
        body.put("description", Map.of("en", "Innovative health technologies", "fr", "Technologies de santé"));
        body.put("leaders", List.of(Map.of("name", "Jessica Leygues", "role", Map.of("en", "CEO"),
                "since", "2019-01-01")));
        body.put("membershipReports", List.of(Map.of("asOf", "2020-02-05", "total", 430,
                "approximation", "MORE_THAN",
                "breakdown", List.of(Map.of("category", "STARTUPS_AND_SMES", "count", 500, "approximation", "ABOUT")),
                "source", Map.of("title", "LINK-J Concludes MOU", "language", "en"))));
        Response created = RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/clusters");
        created.then().statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("slug", equalTo(slug))
                .body("names.en", equalTo("Medicen Paris Région"))
                .body("acronym", equalTo("MPR"))
                .body("kind", equalTo("CLUSTER"))
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(1))
                .body("foundedOn.date", equalTo("2005-01-03"))
                .body("foundedOn.precision", equalTo("DAY"))
                .body("leaders[0].name", equalTo("Jessica Leygues"))
                .body("membershipReports[0].approximation", equalTo("MORE_THAN"))
                .body("membershipReports[0].breakdown[0].count", equalTo(500))
                .body("allianceIds", hasSize(0));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/clusters/" + id);

        RestAssured.get(created.header("Location")).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("id", equalTo(id));
        RestAssured.get("/api/clusters/" + slug).then().statusCode(200).body("id", equalTo(id))
                .body("description.fr", equalTo("Technologies de santé"))
                .body("region", equalTo("Île-de-France"));
    }

    @Test
    void unknownClustersAre404Problems() {
        for (String path : List.of(UUID.randomUUID().toString(), "no-such-cluster", "not%20a%20slug",
                "12345678-1234-1234-1234-12345678901z")) {
            RestAssured.get("/api/clusters/" + path).then().statusCode(404).contentType(PROBLEM)
                    .body("status", equalTo(404));
            RestAssured.get("/api/clusters/" + path + "/profile").then().statusCode(404).contentType(PROBLEM);
            RestAssured.delete("/api/clusters/" + path).then().statusCode(404).contentType(PROBLEM);
        }
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(cluster(unique("ghost"), "Ghost")).put("/api/clusters/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aTakenSlugIsAConflict() {
        String slug = unique("link-j");
        register(cluster(slug, "LINK-J"));
        RestAssured.given().contentType(ContentType.JSON).body(cluster(slug, "Another")).post("/api/clusters")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/duplicate-slug"))
                .body("errors[0].field", equalTo("slug"));
        assertThat(RestAssured.given().queryParam("q", "Another").queryParam("size", 200).get("/api/clusters")
                .<List<String>> path("items.slug")).doesNotContain(slug);

        String other = unique("other");
        String otherId = register(cluster(other, "Other"));
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(cluster(slug, "Other"))
                .put("/api/clusters/" + otherId).then().statusCode(409).contentType(PROBLEM)
                .body("errors[0].field", equalTo("slug"));
    }

    @Test
    void invalidFieldsAreNamed() {
        String slug = unique("bad");
        expectInvalid(with(cluster(slug, "X"), "country", "XX"), "country", "unknown country");
        expectInvalid(with(cluster(slug, "X"), "country", "fr"), "country", "unknown country");
        expectInvalid(with(cluster(slug, "X"), "focusAreas", List.of("digital-health", "astrology")),
                "focusAreas[1]", "unknown focus area");
        expectInvalid(with(cluster(slug, "X"), "focusAreas", List.of("digital-health", "digital-health")),
                "focusAreas[1]", "twice");
        expectInvalid(with(cluster(slug, "X"), "names", Map.of("ja", "名前")), "names.en", "required");
        expectInvalid(with(cluster(slug, "X"), "names", Map.of("en", "X", "not a tag!", "y")), "names.not a tag!",
                "BCP-47");
        expectInvalid(with(cluster(slug, "X"), "names", Map.of("en", " ")), "names.en", "blank");
        expectInvalid(with(cluster(slug, "X"), "slug", "Not A Slug"), "slug", "lower-case");
        expectInvalid(with(cluster(slug, "X"), "slug", UUID.randomUUID().toString()), "slug", "UUID");
        expectInvalid(with(cluster(slug, "X"), "slug", null), "slug", null);
        expectInvalid(with(cluster(slug, "X"), "kind", null), "kind", null);
        expectInvalid(with(cluster(slug, "X"), "website", "ftp://example.org"), "website", "http");
        expectInvalid(with(cluster(slug, "X"), "foundedOn", Map.of("date", "2013-10-15", "precision", "MONTH")),
                "foundedOn.date", "first of the month");
        expectInvalid(with(cluster(slug, "X"), "foundedOn", Map.of("date", "2013-10-01", "precision", "YEAR")),
                "foundedOn.date", "first of January");
        expectInvalid(with(cluster(slug, "X"), "foundedOn", Map.of("date", "2999-01-01", "precision", "YEAR")),
                "foundedOn.date", "future");
        expectInvalid(with(cluster(slug, "X"), "foundedOn", Map.of("date", "2013-10-01")), "foundedOn.precision",
                null);
        expectInvalid(with(cluster(slug, "X"), "leaders", List.of(Map.of("name", "本庶佑", "role", Map.of("ja",
                "理事長")))), "leaders[0].role.en", "required");
        expectInvalid(with(cluster(slug, "X"), "membershipReports", List.of(Map.of("asOf", "2020-01-01",
                "source", Map.of("title", "doc")))), "membershipReports[0].total", "total");
        expectInvalid(with(cluster(slug, "X"), "membershipReports", List.of(Map.of("asOf", "2020-01-01",
                "total", -1, "source", Map.of("title", "doc")))), "membershipReports[0].total", null);
        expectInvalid(with(cluster(slug, "X"), "membershipReports", List.of(Map.of("asOf", "2020-01-01",
                "total", 5))), "membershipReports[0].source", null);
        expectInvalid(with(cluster(slug, "X"), "memberClusterIds", List.of(UUID.randomUUID().toString())),
                "memberClusterIds", "ALLIANCE");
        RestAssured.get("/api/clusters/" + slug).then().statusCode(404);
    }

    @Test
    void unreadableBodiesAre400Problems() {
        String slug = unique("json");
        expectBadBody("{\"slug\": \"" + slug + "\", \"names\": {\"en\": \"X\"", null);
        expectBadBody("not json at all", null);
        expectBadBody("", null);
        expectBadBody("[]", null);
        expectBadBody("null", null);
        String valid = "\"slug\": \"" + slug + "\", \"names\": {\"en\": \"X\"}, \"country\": \"FR\"";
        expectBadBody("{" + valid + ", \"kind\": \"GUILD\"}", "kind");
        expectBadBody("{" + valid + ", \"kind\": 7}", "kind");
        expectBadBody("{" + valid + ", \"kind\": \"CLUSTER\", \"colour\": \"red\"}", "colour");
        expectBadBody("{" + valid + ", \"kind\": \"CLUSTER\", \"focusAreas\": \"digital-health\"}", "focusAreas");
        expectBadBody("{" + valid + ", \"kind\": \"CLUSTER\", \"memberClusterIds\": [\"not-a-uuid\"]}",
                "memberClusterIds[0]");
        expectBadBody("{" + valid + ", \"kind\": \"CLUSTER\", \"foundedOn\": {\"date\": \"2005-13-45\", "
                + "\"precision\": \"DAY\"}}", "foundedOn.date");
        expectBadBody("{" + valid + ", \"kind\": \"CLUSTER\", \"foundedOn\": {\"date\": \"2005-01-01\", "
                + "\"precision\": \"WEEK\"}}", "foundedOn.precision");
        expectBadBody("{" + valid + ", \"kind\": \"CLUSTER\", \"membershipReports\": [{\"asOf\": \"2020-01-01\", "
                + "\"total\": 99999999999999999999999, \"source\": {\"title\": \"t\"}}]}", null);
        expectBadBody("{" + valid + ", \"kind\": \"CLUSTER\", \"membershipReports\": [{\"asOf\": \"2020-01-01\", "
                + "\"total\": 1e999, \"source\": {\"title\": \"t\"}}]}", null);
        expectBadBody("{" + valid + ", \"kind\": \"CLUSTER\", \"names\": 5}", null);
        RestAssured.get("/api/clusters/" + slug).then().statusCode(404);
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "x".repeat(2 * 1024 * 1024);
        RestAssured.given().contentType(ContentType.JSON)
                .body("{\"slug\": \"big\", \"names\": {\"en\": \"" + huge + "\"}}").post("/api/clusters")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
        String long_ = "y".repeat(600);
        expectInvalid(with(cluster(unique("long"), "X"), "names", Map.of("en", long_)), "names.en", "at most");
    }

    @Test
    void updatesNeedTheCurrentVersion() {
        String slug = unique("fbri");
        String id = register(cluster(slug, "FBRI"));
        Map<String, Object> changed = with(cluster(slug, "Foundation for Biomedical Research and Innovation at Kobe"),
                "acronym", "FBRI");
        RestAssured.given().contentType(ContentType.JSON).body(changed).put("/api/clusters/" + id).then()
                .statusCode(428).contentType(PROBLEM);
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(changed)
                .put("/api/clusters/" + id).then().statusCode(412).contentType(PROBLEM);
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "garbage").body(changed)
                .put("/api/clusters/" + id).then().statusCode(412).contentType(PROBLEM);
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(changed)
                .put("/api/clusters/" + slug).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2)).body("acronym", equalTo("FBRI"))
                .body("names.en", startsWith("Foundation"));
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(changed)
                .put("/api/clusters/" + id).then().statusCode(412);
        // invalid updates change nothing
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(with(changed, "country", "ZZ")).put("/api/clusters/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("country"));
        RestAssured.get("/api/clusters/" + id).then().body("version", equalTo(2)).body("country", equalTo("FR"));
    }

    @Test
    void twoUpdatesWithTheSameVersionOneWinsOneIsStale() throws Exception {
        String slug = unique("race");
        String id = register(cluster(slug, "Race"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String name : List.of("Race A", "Race B")) {
                Callable<Integer> put = () -> {
                    start.await();
                    return RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                            .body(cluster(slug, name)).put("/api/clusters/" + id).statusCode();
                };
                results.add(pool.submit(put));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        RestAssured.get("/api/clusters/" + id).then().body("version", equalTo(2));
    }

    @Test
    void retiringKeepsTheClusterReadable() {
        String slug = unique("retiring");
        String id = register(cluster(slug, "Retiring"));
        RestAssured.delete("/api/clusters/" + slug).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("status", equalTo("RETIRED")).body("version", equalTo(2));
        RestAssured.get("/api/clusters/" + id).then().statusCode(200).body("status", equalTo("RETIRED"));
        RestAssured.delete("/api/clusters/" + id).then().statusCode(200).body("version", equalTo(2));
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(cluster(slug, "Back"))
                .put("/api/clusters/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("/cluster-retired"));
        RestAssured.given().contentType(ContentType.JSON).body(cluster(slug, "Retiring again"))
                .post("/api/clusters").then().statusCode(409);
    }

    @Test
    void allianceMembersMustExistBeActiveAndNotBeAlliances() {
        String member = register(cluster(unique("biopmed"), "bioPmed"));
        String retired = register(cluster(unique("old"), "Old cluster"));
        RestAssured.delete("/api/clusters/" + retired).then().statusCode(200);
        String missing = UUID.randomUUID().toString();
        Map<String, Object> alliance = with(with(cluster(unique("magia"), "MAGIA"), "kind", "ALLIANCE"),
                "memberClusterIds", List.of(member, missing, retired));
        RestAssured.given().contentType(ContentType.JSON).body(alliance).post("/api/clusters").then()
                .statusCode(422).contentType(PROBLEM)
                .body("type", endsWith("/invalid-alliance-member"))
                .body("errors.field", equalTo(List.of("memberClusterIds[1]", "memberClusterIds[2]")))
                .body("errors[0].message", containsString(missing))
                .body("errors[1].message", containsString("retired"));

        String allianceId = register(with(alliance, "memberClusterIds", List.of(member)));
        Map<String, Object> nested = with(with(cluster(unique("nest"), "Nest"), "kind", "ALLIANCE"),
                "memberClusterIds", List.of(allianceId));
        RestAssured.given().contentType(ContentType.JSON).body(nested).post("/api/clusters").then()
                .statusCode(422).body("errors[0].field", equalTo("memberClusterIds[0]"))
                .body("errors[0].message", containsString("alliance"));
        RestAssured.given().contentType(ContentType.JSON)
                .body(with(alliance, "memberClusterIds", List.of(member, member))).post("/api/clusters").then()
                .statusCode(400).body("errors[0].field", equalTo("memberClusterIds[1]"));

        // a cluster may belong to several alliances
        String second = register(with(with(with(cluster(unique("second"), "Second alliance"), "kind", "ALLIANCE"),
                "memberClusterIds", List.of(member)), "country", "BE"));
        RestAssured.get("/api/clusters/" + member).then().statusCode(200)
                .body("allianceIds", hasSize(2)).body("allianceIds", hasItem(allianceId))
                .body("allianceIds", hasItem(second));
        RestAssured.get("/api/clusters/" + allianceId).then().body("memberClusterIds", equalTo(List.of(member)));

        // a member retired after joining does not block later updates of the alliance
        RestAssured.delete("/api/clusters/" + member).then().statusCode(200);
        Map<String, Object> renamed = with(alliance, "memberClusterIds", List.of(member));
        renamed.put("names", Map.of("en", "MAGIA renamed"));
        renamed.put("slug", RestAssured.get("/api/clusters/" + allianceId).path("slug"));
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(renamed)
                .put("/api/clusters/" + allianceId).then().statusCode(200).body("version", is(2));
    }

    @Test
    void focusAreasAreServedWithEnglishAndJapaneseNames() {
        RestAssured.get("/api/focus-areas").then().statusCode(200)
                .body("code", hasItem("biological-diagnostics"))
                .body("code", hasItem("nursing-care-welfare-devices"))
                .body("find { it.code == 'regenerative-medicine' }.names.ja", equalTo("再生医療"))
                .body("find { it.code == 'medical-devices' }.names.en", notNullValue());
    }

    private static void expectInvalid(Map<String, Object> body, String field, String message) {
        var response = RestAssured.given().contentType(ContentType.JSON).body(body).post("/api/clusters").then()
                .statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
        if (message != null) {
            response.body("errors.find { it.field == '" + field.replace("'", "\\'") + "' }.message",
                    containsString(message));
        }
    }

    private static void expectBadBody(String json, String field) {
        var response = RestAssured.given().contentType(ContentType.JSON).body(json).post("/api/clusters").then()
                .statusCode(400).contentType(PROBLEM).body("status", equalTo(400)).body("detail", notNullValue());
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
    }
}

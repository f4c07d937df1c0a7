package org.clusterbridge.cluster.api;

import static org.clusterbridge.cluster.api.ClusterBodies.cluster;
import static org.clusterbridge.cluster.api.ClusterBodies.register;
import static org.clusterbridge.cluster.api.ClusterBodies.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Filters, search, paging and sorting of GET /api/clusters; every cluster here carries one token. */
@QuarkusTest
class ClusterListTest {

    private static final String token = "tok" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static boolean registered;

    @BeforeEach
    void registerClustersOnce() {
        if (registered) {
            return;
        }
        registered = true;
        Map<String, Object> medicen = cluster(ClusterBodies.unique("medicen"), "Médicen Paris Région " + token);
        medicen.put("acronym", "MPR" + token.toUpperCase());
        medicen.put("focusAreas", List.of("biological-diagnostics", "digital-health"));
        register(medicen);
        Map<String, Object> fbri = with(with(cluster(ClusterBodies.unique("fbri"), "bravo " + token), "country",
                "JP"), "kind", "FOUNDATION");
        fbri.put("names", Map.of("en", "bravo " + token, "ja", "神戸医療産業都市推進機構" + token));
        fbri.put("focusAreas", List.of("medical-devices"));
        register(fbri);
        register(with(with(cluster(ClusterBodies.unique("charlie"), "Charlie " + token), "country", "BE"),
                "focusAreas", List.of("biotechnology", "medical-devices")));
        register(with(cluster(ClusterBodies.unique("delta"), "delta " + token), "kind", "ASSOCIATION"));
        String retired = register(cluster(ClusterBodies.unique("echo"), "Echo " + token));
        RestAssured.delete("/api/clusters/" + retired).then().statusCode(200);
    }

    private RequestSpecification ours() {
        return RestAssured.given().queryParam("q", token);
    }

    @Test
    void listsAreSortedByEnglishNameIgnoringCaseAndPaged() {
        ours().queryParam("size", 2).get("/api/clusters").then().statusCode(200)
                .body("total", equalTo(5)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items.names.en", equalTo(List.of("bravo " + token, "Charlie " + token)));
        ours().queryParam("size", 2).queryParam("page", 1).get("/api/clusters").then()
                .body("items.names.en", equalTo(List.of("delta " + token, "Echo " + token)));
        ours().queryParam("size", 2).queryParam("page", 2).get("/api/clusters").then()
                .body("items", hasSize(1)).body("items[0].names.en", equalTo("Médicen Paris Région " + token));
        ours().queryParam("size", 2).queryParam("page", 9).get("/api/clusters").then()
                .body("items", hasSize(0)).body("total", equalTo(5));
        RestAssured.get("/api/clusters").then().statusCode(200).body("size", equalTo(20));
    }

    @Test
    void filtersCombine() {
        ours().queryParam("country", "JP").get("/api/clusters").then().body("total", equalTo(1))
                .body("items[0].kind", equalTo("FOUNDATION"));
        ours().queryParam("kind", "ASSOCIATION").get("/api/clusters").then().body("total", equalTo(1))
                .body("items[0].names.en", equalTo("delta " + token));
        ours().queryParam("kind", "public-body").get("/api/clusters").then().statusCode(200)
                .body("total", equalTo(0));
        ours().queryParam("focusArea", "medical-devices").get("/api/clusters").then().body("total", equalTo(2));
        ours().queryParam("focusArea", "medical-devices").queryParam("country", "BE").get("/api/clusters").then()
                .body("total", equalTo(1)).body("items[0].names.en", equalTo("Charlie " + token));
        ours().queryParam("status", "RETIRED").get("/api/clusters").then().body("total", equalTo(1))
                .body("items[0].status", equalTo("RETIRED"));
        ours().queryParam("status", "ACTIVE").get("/api/clusters").then().body("total", equalTo(4));
        ours().queryParam("country", "FR").queryParam("status", "ACTIVE").get("/api/clusters").then()
                .body("total", equalTo(2));
    }

    @Test
    void searchIgnoresCaseAndAccentsAndCoversEveryLanguageAndTheAcronym() {
        get("q", "MEDICEN PARIS REGION " + token).then().body("total", equalTo(1));
        get("q", "médicen").then().body("items.names.en", org.hamcrest.Matchers.hasItem("Médicen Paris Région " + token));
        get("q", "医療産業都市推進機構" + token).then().body("total", equalTo(1))
                .body("items[0].names.en", equalTo("bravo " + token));
        get("q", "mpr" + token).then().body("total", equalTo(1));
        get("q", "Ｍｐｒ" + token).then().body("total", equalTo(1));
        get("q", "%" + token).then().body("total", equalTo(0));
        get("q", "_").then().statusCode(200);
    }

    @Test
    void badParametersAreNamed() {
        expectBad("page", "-1", "page");
        expectBad("page", "first", "page");
        expectBad("size", "0", "size");
        expectBad("size", "201", "size");
        expectBad("size", "99999999999999", "size");
        expectBad("kind", "GUILD", "kind");
        expectBad("status", "GONE", "status");
        expectBad("country", "XX", "country");
        expectBad("focusArea", "astrology", "focusArea");
        expectBad("q", "x".repeat(201), "q");
    }

    @Test
    void updatedSinceKeepsWhatChangedAtOrAfterItAndCombinesWithOtherFilters() {
        String sync = "sync" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String slug = ClusterBodies.unique("kobe");
        Map<String, Object> kobe = with(cluster(slug, "Kobe " + sync), "country", "JP");
        String id = register(kobe);
        Instant registered = updatedAt(id);
        register(cluster(ClusterBodies.unique("lyon"), "Lyon " + sync));

        since(sync, registered.minusMillis(1).toString()).get("/api/clusters").then().statusCode(200)
                .body("total", equalTo(2));
        since(sync, registered.minusMillis(1).toString()).queryParam("country", "JP").get("/api/clusters").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        sinceInJapan(sync, registered).then().body("total", equalTo(1)).body("items[0].id", equalTo(id));
        sinceInJapan(sync, registered.plus(1, ChronoUnit.MICROS)).then().body("total", equalTo(0));

        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(with(kobe, "acronym", "KBE")).put("/api/clusters/" + id).then().statusCode(200);
        Instant changed = updatedAt(id);
        sinceInJapan(sync, registered.plus(1, ChronoUnit.MICROS)).then().body("total", equalTo(1))
                .body("items[0].id", equalTo(id)).body("items[0].version", equalTo(2));
        sinceInJapan(sync, changed).then().body("total", equalTo(1));
        sinceInJapan(sync, changed.plus(1, ChronoUnit.MICROS)).then().body("total", equalTo(0));

        // the same instant written with an offset, encoded, and with its plus sent unencoded (read as a space)
        String inTokyo = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(changed,
                ZoneOffset.ofHours(9)));
        since(sync, inTokyo).get("/api/clusters").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        RestAssured.given().urlEncodingEnabled(false).get("/api/clusters?q=" + sync + "&updatedSince=" + inTokyo)
                .then().statusCode(200).body("total", equalTo(1));
        since(sync, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(
                changed.plus(1, ChronoUnit.MICROS), ZoneOffset.ofHours(-5)))).get("/api/clusters").then()
                .body("total", equalTo(0));
    }

    @Test
    void anUpdatedSinceThatIsNotAnInstantIsNamed() {
        for (String bad : List.of("yesterday", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-01-31",
                "2026-01-31T00:00:00", "1769817600", "+10000-01-01T00:00:00Z")) {
            get("updatedSince", bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("updatedSince"))
                    .body("errors[0].message", containsString("2026-01-31T00:00:00Z"));
        }
        ours().queryParam("country", "JP").queryParam("updatedSince", "yesterday").get("/api/clusters").then()
                .statusCode(400).body("errors.field", equalTo(List.of("updatedSince")));
        get("updatedSince", "").then().statusCode(200);
    }

    private static Instant updatedAt(String id) {
        return Instant.parse(RestAssured.get("/api/clusters/" + id).then().statusCode(200).extract()
                .<String> path("updatedAt"));
    }

    private static RequestSpecification since(String q, String updatedSince) {
        return RestAssured.given().queryParam("q", q).queryParam("updatedSince", updatedSince);
    }

    private static io.restassured.response.Response sinceInJapan(String q, Instant updatedSince) {
        return since(q, updatedSince.toString()).queryParam("country", "JP").get("/api/clusters");
    }

    private static io.restassured.response.Response get(String name, String value) {
        return RestAssured.given().queryParam(name, value).get("/api/clusters");
    }

    private static void expectBad(String name, String value, String field) {
        get(name, value).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field)).body("errors[0].message", containsString(""));
    }
}

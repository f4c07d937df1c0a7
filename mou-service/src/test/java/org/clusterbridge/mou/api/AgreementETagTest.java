package org.clusterbridge.mou.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.mou.Agreements.body;
import static org.clusterbridge.mou.Agreements.create;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.ClusterEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * An agreement's ETag is {@code "<version>.<digest>"}: the digest covers the names it embeds, so a party's rename
 * ends the 304s for the old tag, while If-Match compares the version part only.
 */
@QuarkusTest
class AgreementETagTest {

    @Test
    void aPartysRenameChangesTheTagButNotTheVersion() {
        UUID renamed = UUID.randomUUID();
        String slug = ClusterEvents.slug("etag renamed");
        ClusterEvents.register(ClusterEvents.state(renamed, slug, "Name before", "JP", "CLUSTER", List.of(),
                "ACTIVE", 1));
        UUID other = ClusterEvents.cluster("ETag other party", "FR");
        String id = create(body(renamed, other, LocalDate.of(2022, 3, 22)));
        String before = given().get("/api/agreements/" + id).then().statusCode(200).extract().header("ETag");
        assertThat(before).matches("\"1\\.[0-9a-f]{16}\"");
        given().header("If-None-Match", before).get("/api/agreements/" + id).then().statusCode(304);

        ClusterEvents.publish(renamed.toString(), ClusterEvents.event("updated", ClusterEvents.state(renamed, slug,
                "Name after", "JP", "CLUSTER", List.of(), "ACTIVE", 2)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("If-None-Match", before)
                .get("/api/agreements/" + id).then().statusCode(200).body("parties[0].names.en", equalTo("Name after"))
                .body("version", equalTo(1)));
        String after = given().get("/api/agreements/" + id).then().statusCode(200).extract().header("ETag");
        assertThat(after).matches("\"1\\.[0-9a-f]{16}\"").isNotEqualTo(before);
        given().header("If-None-Match", after).get("/api/agreements/" + id).then().statusCode(304);
        given().header("If-None-Match", "W/" + after).get("/api/agreements/" + id).then().statusCode(304);
    }

    @Test
    void ifMatchComparesTheVersionOfTheTag() {
        Map<String, Object> body = body(ClusterEvents.cluster("ETag first", "DE"),
                ClusterEvents.cluster("ETag second", "IT"), LocalDate.of(2021, 5, 1));
        String id = create(body);
        String tag = given().get("/api/agreements/" + id).then().statusCode(200).extract().header("ETag");

        body.put("notes", "first correction");
        String updated = put(id, tag, body).then().statusCode(200).body("version", equalTo(2))
                .body("notes", equalTo("first correction")).extract().header("ETag");
        assertThat(updated).matches("\"2\\.[0-9a-f]{16}\"");
        body.put("notes", "from the old tag");
        put(id, tag, body).then().statusCode(412).contentType("application/problem+json");
        put(id, "W/" + updated, body).then().statusCode(200).body("version", equalTo(3));
        // Another digest with the current version names the same version of the agreement.
        body.put("notes", "any digest");
        put(id, "\"3.0123456789abcdef\"", body).then().statusCode(200).body("version", equalTo(4));
        given().contentType("application/merge-patch+json").header("If-Match", "\"4.fedcba9876543210\"")
                .body("{\"notes\": \"patched\"}").patch("/api/agreements/" + id).then().statusCode(200)
                .body("version", equalTo(5)).body("notes", equalTo("patched"));

        for (String malformed : List.of("\"5.\"", "\"5.xyz\"", "\"5.0123456789abcdef.1\"", "\".0123456789abcdef\"",
                "5 OR 1=1", "\"99999999999999999999.0123456789abcdef\"")) {
            put(id, malformed, body).then().statusCode(412).contentType("application/problem+json");
        }
        given().get("/api/agreements/" + id).then().body("version", equalTo(5));
    }

    private static io.restassured.response.Response put(String id, String ifMatch, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .put("/api/agreements/" + id);
    }
}

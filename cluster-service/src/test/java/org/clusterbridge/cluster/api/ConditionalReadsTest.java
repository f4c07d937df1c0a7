package org.clusterbridge.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.cluster.api.ClusterBodies.cluster;
import static org.clusterbridge.cluster.api.ClusterBodies.register;
import static org.clusterbridge.cluster.api.ClusterBodies.unique;
import static org.clusterbridge.cluster.api.ClusterBodies.with;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Reads carry an ETag and answer a matching If-None-Match with a bodiless 304: a cluster by its version, a list
 * page or a profile by a digest of its body. A cluster is read as the representation stored with its version.
 */
@QuarkusTest
class ConditionalReadsTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aClusterIsNotModifiedWhileItsVersionIsTheOneTheClientHas() {
        String slug = unique("etag");
        String id = register(cluster(slug, "ETag cluster"));
        RestAssured.get("/api/clusters/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""));
        for (String tag : List.of("\"1\"", "W/\"1\"", "\"7\", \"1\"", "*")) {
            RestAssured.given().header("If-None-Match", tag).get("/api/clusters/" + id).then().statusCode(304)
                    .header("ETag", equalTo("\"1\"")).body(emptyString());
        }
        RestAssured.given().header("If-None-Match", "\"1\"").get("/api/clusters/" + slug).then().statusCode(304);

        Map<String, Object> renamed = with(cluster(slug, "ETag cluster renamed"), "acronym", "ETC");
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(renamed)
                .put("/api/clusters/" + id).then().statusCode(200);
        RestAssured.given().header("If-None-Match", "\"1\"").get("/api/clusters/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("names.en", equalTo("ETag cluster renamed"))
                .body("acronym", equalTo("ETC"));
        // a 404 stays a 404 whatever the client holds
        RestAssured.given().header("If-None-Match", "*").get("/api/clusters/" + unique("none")).then()
                .statusCode(404);
    }

    @Test
    void listsAndProfilesCarryADigestOfTheirBody() {
        String marker = unique("digest");
        String id = register(cluster(marker, "Digest " + marker));
        String list = "/api/clusters?q=" + marker;
        Response first = RestAssured.get(list);
        first.then().statusCode(200).header("ETag", startsWith("W/\""));
        String tag = first.header("ETag");
        RestAssured.get(list).then().header("ETag", equalTo(tag));
        RestAssured.given().header("If-None-Match", tag).get(list).then().statusCode(304).body(emptyString());

        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(with(cluster(marker, "Digest " + marker), "city", "Lyon")).put("/api/clusters/" + id).then()
                .statusCode(200);
        Response changed = RestAssured.given().header("If-None-Match", tag).get(list);
        changed.then().statusCode(200).body("items[0].city", equalTo("Lyon"));
        assertThat(changed.header("ETag")).startsWith("W/\"").isNotEqualTo(tag);

        String profileTag = RestAssured.get("/api/clusters/" + id + "/profile").then().statusCode(200)
                .extract().header("ETag");
        assertThat(profileTag).startsWith("W/\"");
        RestAssured.given().header("If-None-Match", profileTag).get("/api/clusters/" + id + "/profile").then()
                .statusCode(304);
        // exports stream and carry no digest
        RestAssured.given().accept("text/csv").get(list).then().statusCode(200).header("ETag", equalTo(null));
    }

    @Test
    void aReadSendsTheRepresentationStoredWithTheVersionAndRebuildsAStaleOne() {
        String slug = unique("stored");
        String id = register(with(cluster(slug, "Stored " + slug), "city", "Kobe"));
        String listed = RestAssured.get("/api/clusters?q=" + slug).then().extract().jsonPath()
                .getMap("items[0]").toString();
        String read = RestAssured.get("/api/clusters/" + id).then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(read).getMap("").toString()).isEqualTo(listed);
        assertThat(storedRepresentation(id)).isEqualTo(read);

        // a representation of another shape (an older release's) is not sent: the read builds it from the columns
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE cluster SET representation = '{\"stale\": true}', representation_format = 'older' "
                        + "WHERE id = CAST(:id AS uuid)").setParameter("id", id).executeUpdate());
        RestAssured.get("/api/clusters/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("city", equalTo("Kobe")).body("stale", equalTo(null));
        RestAssured.get("/api/clusters/" + slug).then().statusCode(200).body("id", equalTo(id));
    }

    private String storedRepresentation(String id) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT representation FROM cluster WHERE id = CAST(:id AS uuid)").setParameter("id", id)
                .getSingleResult());
    }
}

package org.clusterbridge.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.cluster.api.ClusterBodies.cluster;
import static org.clusterbridge.cluster.api.ClusterBodies.register;
import static org.clusterbridge.cluster.api.ClusterBodies.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.clusterbridge.embedded.TopicRecords;
import org.clusterbridge.events.EventTopics;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** A partner sends back what it read: PUT of the representation as read, and JSON Merge Patch. */
@QuarkusTest
class ClusterRoundTripTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void theRepresentationAsReadCanBePutBack() {
        String id = register(cluster(unique("round-trip"), "Round trip"));
        String read = RestAssured.get("/api/clusters/" + id).then().statusCode(200).extract().asString();
        // unchanged: accepted, read-only fields ignored, and no new version
        put(id, "\"1\"", read).statusCode(200).header("ETag", "\"1\"");
        // one field changed in the representation as read
        String renamed = read.replace("\"Round trip\"", "\"Round trip renamed\"");
        put(id, "\"1\"", renamed).statusCode(200).header("ETag", "\"2\"")
                .body("names.en", equalTo("Round trip renamed"))
                .body("id", equalTo(id))
                .body("version", equalTo(2));
        // read-only fields carry no weight, even when they say something else
        String lying = RestAssured.get("/api/clusters/" + id).then().extract().asString()
                .replace("\"status\":\"ACTIVE\"", "\"status\":\"RETIRED\"")
                .replace("\"version\":2", "\"version\":99");
        put(id, "\"2\"", lying).statusCode(200).body("status", equalTo("ACTIVE")).body("version", equalTo(2));
    }

    @Test
    void aFieldThatIsNeitherWritableNorReadOnlyIsStillRefused() {
        String id = register(cluster(unique("round-trip-unknown"), "Unknown field"));
        String read = RestAssured.get("/api/clusters/" + id).then().extract().asString();
        put(id, "\"1\"", read.replaceFirst("\\{", "{\"colour\":\"blue\","))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("colour"));
        RestAssured.get("/api/clusters/" + id).then().body("version", equalTo(1));
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndPublishesOneEvent() {
        String id = register(cluster(unique("patched"), "Patched"));
        patch(id, "\"1\"", "{\"acronym\": \"PTC\", \"names\": {\"fr\": \"Corrigé\"}}")
                .statusCode(200).header("ETag", "\"2\"")
                .body("acronym", equalTo("PTC"))
                .body("names.en", equalTo("Patched"))
                .body("names.ja", equalTo("Patched（日本語）"))
                .body("names.fr", equalTo("Corrigé"))
                .body("country", equalTo("FR"))
                .body("version", equalTo(2));
        // null removes an optional field
        patch(id, "\"2\"", "{\"acronym\": null}").statusCode(200).body("acronym", nullValue())
                .body("version", equalTo(3));
        String bootstrapServers = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<String> types = await().atMost(Duration.ofSeconds(60)).until(
                () -> TopicRecords.readAll(bootstrapServers, EventTopics.CLUSTER_EVENTS).stream()
                        .filter(r -> id.equals(r.key())).map(r -> JsonPath.from(r.value()).getString("type"))
                        .toList(), list -> list.size() >= 3);
        assertThat(types).containsExactly("clusterbridge.cluster.registered.v1", "clusterbridge.cluster.updated.v1",
                "clusterbridge.cluster.updated.v1");
    }

    @Test
    void aPatchNeedsTheCurrentVersion() {
        String id = register(cluster(unique("patch-version"), "Patch version"));
        RestAssured.given().contentType(MERGE_PATCH).body("{\"acronym\": \"PV\"}").patch("/api/clusters/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        patch(id, "\"7\"", "{\"acronym\": \"PV\"}").statusCode(412).contentType("application/problem+json");
        RestAssured.get("/api/clusters/" + id).then().body("version", equalTo(1)).body("acronym", nullValue());
    }

    @Test
    void aPatchThatBreaksTheClusterChangesNothing() {
        String id = register(cluster(unique("patch-invalid"), "Patch invalid"));
        // removing a required field, an invalid value, an unknown field, a non-object, malformed JSON
        patch(id, "\"1\"", "{\"country\": null}").statusCode(400).body("errors.field", hasItem("country"));
        patch(id, "\"1\"", "{\"country\": \"XX\"}").statusCode(400).body("errors.field", hasItem("country"));
        patch(id, "\"1\"", "{\"names\": {\"en\": null}}").statusCode(400).body("errors.field", hasItem("names.en"));
        patch(id, "\"1\"", "{\"colour\": \"blue\"}").statusCode(400).body("errors.field", hasItem("colour"));
        patch(id, "\"1\"", "[{\"op\": \"replace\"}]").statusCode(400).contentType("application/problem+json");
        patch(id, "\"1\"", "{\"acronym\": ").statusCode(400).contentType("application/problem+json");
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"acronym\": \"X\"}")
                .patch("/api/clusters/" + id).then().statusCode(415).contentType("application/problem+json");
        RestAssured.get("/api/clusters/" + id).then().body("version", equalTo(1)).body("acronym", nullValue())
                .body("country", equalTo("FR"));
    }

    @Test
    void patchingAnUnknownClusterIsA404() {
        patch("no-such-cluster-" + unique("x"), "\"1\"", "{\"acronym\": \"X\"}").statusCode(404)
                .contentType("application/problem+json");
    }

    private static ValidatableResponse put(String id, String ifMatch, String body) {
        return RestAssured.given().contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .put("/api/clusters/" + id).then();
    }

    private static ValidatableResponse patch(String id, String ifMatch, String body) {
        // as bytes: JSON is UTF-8, whatever charset a client library assumes for a media type it does not know
        return RestAssured.given().contentType(MERGE_PATCH).header("If-Match", ifMatch)
                .body(body.getBytes(StandardCharsets.UTF_8)).patch("/api/clusters/" + id).then();
    }
}

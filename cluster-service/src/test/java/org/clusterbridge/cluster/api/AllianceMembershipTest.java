package org.clusterbridge.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.cluster.api.ClusterBodies.cluster;
import static org.clusterbridge.cluster.api.ClusterBodies.register;
import static org.clusterbridge.cluster.api.ClusterBodies.unique;
import static org.clusterbridge.cluster.api.ClusterBodies.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.clusterbridge.testing.ChangeFeeds;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A member's {@code allianceIds} is part of its representation, so an alliance's change that adds or drops it
 * moves the member to a new version, with its own event: its ETag, incremental sync and partners' copies all see
 * the change.
 */
@QuarkusTest
class AllianceMembershipTest {

    @Test
    void joiningAndLeavingAnAllianceMovesTheMemberToANewVersion() {
        String first = register(cluster(unique("member-a"), "Member A"));
        String second = register(cluster(unique("member-b"), "Member B"));
        Instant before = Instant.now();
        String allianceSlug = unique("alliance");
        Map<String, Object> alliance = with(with(cluster(allianceSlug, "Alliance"), "kind", "ALLIANCE"),
                "memberClusterIds", List.of(first));
        String allianceId = register(alliance);

        RestAssured.get("/api/clusters/" + first).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("version", is(2)).body("allianceIds", equalTo(List.of(allianceId)))
                .body("names.en", equalTo("Member A"));
        RestAssured.get("/api/clusters/" + second).then().body("version", is(1)).body("allianceIds", hasSize(0));
        JsonNode joined = ChangeFeeds.awaitEventAbout(first, event -> event.path("sequence").asLong() == 2);
        assertThat(joined.path("type").asText()).isEqualTo("clusterbridge.cluster.updated.v1");
        assertThat(RestAssured.get("/api/clusters?updatedSince=" + before + "&size=200").then().extract()
                .jsonPath().getList("items.id", String.class)).contains(first, allianceId).doesNotContain(second);

        // the alliance swaps its member: both members change, the alliance itself is at version 2
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(with(alliance, "memberClusterIds", List.of(second))).put("/api/clusters/" + allianceId).then()
                .statusCode(200).body("version", is(2));
        RestAssured.get("/api/clusters/" + first).then().body("version", is(3)).body("allianceIds", hasSize(0));
        RestAssured.get("/api/clusters/" + second).then().body("version", is(2))
                .body("allianceIds", equalTo(List.of(allianceId)));
        RestAssured.get("/api/clusters?q=member-b&size=200").then().statusCode(200);

        // a change of the alliance that leaves its members as they are does not touch them
        Map<String, Object> described = with(with(alliance, "memberClusterIds", List.of(second)), "city", "Brussels");
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(described)
                .put("/api/clusters/" + allianceId).then().statusCode(200).body("version", is(3));
        RestAssured.get("/api/clusters/" + second).then().body("version", is(2));

        // an edit of the member keeps its alliances
        RestAssured.given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(with(cluster(RestAssured.get("/api/clusters/" + second).path("slug"), "Member B"), "city",
                        "Liège"))
                .put("/api/clusters/" + second).then().statusCode(200).body("version", is(3))
                .body("allianceIds", equalTo(List.of(allianceId)));
    }

    @Test
    void aMemberOfTwoAlliancesListsThemByEnglishName() {
        String member = register(cluster(unique("shared"), "Shared member"));
        String zeta = register(with(with(cluster(unique("zeta"), "Zeta alliance"), "kind", "ALLIANCE"),
                "memberClusterIds", List.of(member)));
        String alpha = register(with(with(cluster(unique("alpha"), "Alpha alliance"), "kind", "ALLIANCE"),
                "memberClusterIds", List.of(member)));
        RestAssured.get("/api/clusters/" + member).then().body("version", is(3))
                .body("allianceIds", equalTo(List.of(alpha, zeta)));
    }
}

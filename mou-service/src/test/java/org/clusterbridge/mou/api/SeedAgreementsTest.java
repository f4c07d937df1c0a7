package org.clusterbridge.mou.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.ClusterEvents;
import org.clusterbridge.testing.RepositoryFiles;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The seed file loads the way the local stack's importer loads it: "@cluster:<slug>" resolved to the cluster's
 * id, each body posted to the public API, and a second import answered with 409.
 */
@QuarkusTest
class SeedAgreementsTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void theSeedAgreementsLoadOnceAndReadAsTheReleasesSay() throws IOException {
        Map<String, UUID> ids = new HashMap<>();
        for (String slug : List.of("link-j", "medicen-paris-region", "fbri", "biopmed", "biowin",
                "life-science-nord", "lyonbiopole")) {
            ids.put(slug, UUID.randomUUID());
        }
        ids.put("magia", UUID.randomUUID());
        ClusterEvents.register(
                cluster(ids, "link-j", "Life Science Innovation Network Japan", "JP", "ASSOCIATION"),
                cluster(ids, "medicen-paris-region", "Medicen Paris Region", "FR", "CLUSTER"),
                cluster(ids, "fbri", "Foundation for Biomedical Research and Innovation at Kobe", "JP", "FOUNDATION"),
                cluster(ids, "biopmed", "bioPmed", "IT", "CLUSTER"),
                cluster(ids, "biowin", "BioWin", "BE", "CLUSTER"),
                cluster(ids, "life-science-nord", "Life Science Nord", "DE", "CLUSTER"),
                cluster(ids, "lyonbiopole", "Lyonbiopole", "FR", "CLUSTER"),
                ClusterEvents.state(ids.get("magia"), "magia", "Medtech Alliance for Global InternationAlisation",
                        "EU", "ALLIANCE", List.of(ids.get("biopmed"), ids.get("biowin"), ids.get("life-science-nord"),
                                ids.get("lyonbiopole")), "ACTIVE", 1));

        JsonNode seed = MAPPER.readTree(seedFile().toFile());
        assertThat(seed).hasSize(2);
        Map<String, String> created = new HashMap<>();
        for (JsonNode body : seed) {
            JsonNode resolved = resolve(body, ids);
            String id = given().contentType(ContentType.JSON).body(resolved.toString()).post("/api/agreements")
                    .then().statusCode(201).extract().path("id");
            created.put(body.path("reference").asText(), id);
            given().contentType(ContentType.JSON).body(resolved.toString()).post("/api/agreements").then()
                    .statusCode(409);
        }

        given().get("/api/agreements/" + created.get("LINK-J-MPR-2020")).then().statusCode(200)
                .body("signedOn", equalTo("2020-02-05")).body("effectiveFrom", equalTo("2020-02-05"))
                .body("expiresOn", equalTo("2025-02-05"))
                .body("parties.slug", equalTo(List.of("link-j", "medicen-paris-region")))
                .body("signatories.nativeName", hasItem("曾山明彦"))
                .body("signatories.name", hasItem("Jessica Leygues"))
                .body("purpose.ja", org.hamcrest.Matchers.notNullValue())
                .body("sources.size()", equalTo(2));
        given().get("/api/agreements/" + created.get("FBRI-MAGIA-2022")).then().statusCode(200)
                .body("signingCeremony.mode", equalTo("ONLINE"))
                .body("signingCeremony.platform", equalTo("Zoom webinar"))
                .body("signingCeremony.startsAt", equalTo("2022-03-22T17:00:00+09:00"))
                .body("signingCeremony.endsAt", equalTo("2022-03-22T17:40:00+09:00"))
                .body("parties[1].slug", equalTo("magia"))
                .body("parties[1].coSigners.slug", equalTo(List.of("biopmed", "biowin", "life-science-nord",
                        "lyonbiopole")))
                .body("signatories.size()", equalTo(5))
                .body("status", equalTo("ACTIVE"));
        assertThat(AgreementQueriesTest.ids("/api/clusters/lyonbiopole/agreements"))
                .contains(created.get("FBRI-MAGIA-2022"));
        assertThat(AgreementQueriesTest.ids("/api/clusters/link-j/agreements"))
                .contains(created.get("LINK-J-MPR-2020"));
    }

    private static ObjectNode cluster(Map<String, UUID> ids, String slug, String name, String country,
            String kind) {
        return ClusterEvents.state(ids.get(slug), slug, name, country, kind, List.of(), "ACTIVE", 1);
    }

    /** Replaces every "@cluster:<slug>" string, as the importer does. */
    private static JsonNode resolve(JsonNode node, Map<String, UUID> ids) {
        if (node.isTextual() && node.asText().startsWith("@cluster:")) {
            UUID id = ids.get(node.asText().substring("@cluster:".length()));
            assertThat(id).as(node.asText()).isNotNull();
            return TextNode.valueOf(id.toString());
        }
        if (node.isObject()) {
            ObjectNode copy = MAPPER.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue(), ids)));
            return copy;
        }
        if (node.isArray()) {
            var copy = MAPPER.createArrayNode();
            node.forEach(item -> copy.add(resolve(item, ids)));
            return copy;
        }
        return node;
    }

    static Path seedFile() {
        return RepositoryFiles.resolve("local-stack/src/main/resources/seed/agreements.json");
    }

    @Test
    void theSeedFileExists() {
        assertThat(Files.exists(seedFile())).isTrue();
    }
}

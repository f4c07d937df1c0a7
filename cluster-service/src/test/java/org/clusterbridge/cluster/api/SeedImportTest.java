package org.clusterbridge.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The seed file imports through the public API the way the local stack does it ("@cluster:slug" resolved via
 * GET /api/clusters/{slug}); a second import gives 409 for every cluster, and the facts of the documents are there.
 */
@QuarkusTest
class SeedImportTest {

    private static final Path SEED = Path.of("..", "local-stack", "src", "main", "resources", "seed",
            "clusters.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everySeedClusterImportsOnceAndCarriesItsSources() throws Exception {
        JsonNode seeds = MAPPER.readTree(Files.readString(SEED));
        assertThat(seeds.isArray()).isTrue();
        List<Integer> first = importAll(seeds);
        assertThat(first).allMatch(status -> status == 201);
        List<Integer> second = importAll(seeds);
        assertThat(second).allMatch(status -> status == 409);

        RestAssured.get("/api/clusters/medicen-paris-region").then().statusCode(200)
                .body("acronym", equalTo("MPR"))
                .body("foundedOn.date", equalTo("2005-01-03"))
                .body("membershipReports", hasSize(3))
                .body("membershipReports.total", equalTo(List.of(400, 430, 430)))
                .body("membershipReports.approximation", equalTo(List.of("ABOUT", "MORE_THAN", "MORE_THAN")))
                .body("membershipReports[1].source.language", equalTo("ja"))
                .body("membershipReports[2].source.title", equalTo(
                        "LINK-J Concludes MOU on Mutual Cooperation with Medicen Paris Region (MPR)"))
                .body("leaders[0].name", equalTo("Jessica Leygues"))
                .body("allianceIds", hasSize(0));
        RestAssured.get("/api/clusters/link-j").then()
                .body("legalForm", equalTo("一般社団法人"))
                .body("leaders.nativeName", equalTo(List.of("岡野栄之", "曾山明彦")))
                .body("leaders[0].role.ja", equalTo("理事長"));
        RestAssured.get("/api/clusters/fbri").then()
                .body("legalForm", equalTo("公益財団法人"))
                .body("names.ja", equalTo("神戸医療産業都市推進機構"))
                .body("leaders.nativeName", equalTo(List.of("本庶佑", "村上雅義")));
        List<String> members = List.of("biopmed", "biowin", "life-science-nord", "lyonbiopole").stream()
                .map(slug -> RestAssured.get("/api/clusters/" + slug).<String> path("id")).toList();
        String magia = RestAssured.get("/api/clusters/magia").then().body("kind", equalTo("ALLIANCE"))
                .body("country", equalTo("EU"))
                .body("memberClusterIds", equalTo(members)).extract().path("id");
        RestAssured.get("/api/clusters/biowin").then().body("legalForm", equalTo("ASBL"))
                .body("membershipReports[0].total", equalTo(238))
                .body("allianceIds", equalTo(List.of(magia)));
        RestAssured.get("/api/clusters/yamaguchi-medical-growth-strategy-council").then()
                .body("names.ja", equalTo("やまぐち医療関連成長戦略推進協議会"))
                .body("foundedOn.precision", equalTo("MONTH"))
                .body("focusAreas", hasItem("active-pharmaceutical-ingredients"));
        RestAssured.given().queryParam("q", "lyon").get("/api/clusters").then()
                .body("items.slug", hasItem("lyonbiopole"));
        RestAssured.given().queryParam("kind", "ALLIANCE").queryParam("country", "EU").get("/api/clusters")
                .then().body("items.slug", hasItem("magia"));
    }

    private static List<Integer> importAll(JsonNode seeds) {
        List<Integer> statuses = new ArrayList<>();
        for (JsonNode seed : seeds) {
            JsonNode body = resolve(seed.deepCopy());
            statuses.add(RestAssured.given().contentType(ContentType.JSON).body(body.toString())
                    .post("/api/clusters").then().extract().statusCode());
        }
        return statuses;
    }

    /** Replaces every "@cluster:<slug>" string with that cluster's id, as the local stack's importer does. */
    private static JsonNode resolve(JsonNode node) {
        if (node.isTextual() && node.asText().startsWith("@cluster:")) {
            String slug = node.asText().substring("@cluster:".length());
            return new TextNode(RestAssured.get("/api/clusters/" + slug).then().statusCode(200).extract()
                    .<String> path("id"));
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(resolve(field.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i)));
            }
        }
        return node;
    }
}

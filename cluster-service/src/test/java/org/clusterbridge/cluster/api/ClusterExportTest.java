package org.clusterbridge.cluster.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.cluster.api.ClusterBodies.cluster;
import static org.clusterbridge.cluster.api.ClusterBodies.register;
import static org.clusterbridge.cluster.api.ClusterBodies.with;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.clusterbridge.testing.ExportedLists;
import org.clusterbridge.testing.ExportedLists.Csv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * GET /api/clusters as CSV and NDJSON (every match, streamed, no page cap) and with facets; every cluster here
 * carries one token in its name, so that the other tests' clusters stay out of the counts.
 */
@QuarkusTest
class ClusterExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String token = "exp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final int BULK = 205;
    private static String medicenId;

    @BeforeEach
    void registerClustersOnce() {
        if (medicenId != null) {
            return;
        }
        Map<String, Object> medicen = cluster(ClusterBodies.unique("medicen"), "Medicen Paris Region " + token);
        Map<String, String> names = new LinkedHashMap<>();
        names.put("en", "Medicen Paris Region " + token);
        names.put("fr", "Médicen, \"Paris\" Région " + token);
        names.put("ja", "メディセン・パリ・リージョン " + token);
        medicen.put("names", names);
        medicen.put("description", Map.of("en", "Health cluster,\nÎle-de-France", "de", "Gesundheitscluster"));
        medicen.put("focusAreas", List.of("biological-diagnostics", "digital-health"));
        medicen.put("foundedOn", Map.of("date", "2005-07-12", "precision", "DAY"));
        medicenId = register(medicen);
        register(with(with(cluster(ClusterBodies.unique("fbri"), "FBRI " + token), "country", "JP"), "kind",
                "FOUNDATION"));
        for (int i = 0; i < BULK; i++) {
            register(with(cluster(ClusterBodies.unique("bulk"), String.format("zz bulk %03d %s", i, token)),
                    "country", i % 5 == 0 ? "BE" : "FR"));
        }
    }

    private static String ours(String query) {
        return "/api/clusters?q=" + token + (query.isEmpty() ? "" : "&" + query);
    }

    @Test
    void csvHasEveryMatchBeyondThePageCapWithAHeaderRowAndAColumnPerLanguage() {
        int total = BULK + 2;
        RestAssured.get(ours("size=200")).then().statusCode(200).body("total", equalTo(total))
                .body("items", hasSize(200));
        Csv csv = ExportedLists.csv(ours(""));
        assertThat(csv.rows()).hasSize(total);
        assertThat(csv.header()).startsWith("id", "slug", "names.en").containsSubsequence("names.en", "names.de",
                "names.fr", "names.ja", "description.en").contains("foundedOn.date", "foundedOn.precision",
                        "focusAreas", "allianceIds", "status", "version", "createdAt", "updatedBy");
        Map<String, String> medicen = csv.rows().stream().filter(row -> row.get("id").equals(medicenId)).findFirst()
                .orElseThrow();
        assertThat(medicen).containsEntry("names.fr", "Médicen, \"Paris\" Région " + token)
                .containsEntry("names.ja", "メディセン・パリ・リージョン " + token)
                .containsEntry("description.en", "Health cluster,\nÎle-de-France")
                .containsEntry("description.de", "Gesundheitscluster").containsEntry("description.ja", "")
                .containsEntry("focusAreas", "biological-diagnostics;digital-health")
                .containsEntry("foundedOn.date", "2005-07-12").containsEntry("kind", "CLUSTER")
                .containsEntry("status", "ACTIVE").containsEntry("version", "1");
    }

    @Test
    void exportsFollowTheListsFiltersAndOrder() {
        List<String> pageOrder = RestAssured.get(ours("country=BE&size=200")).then().statusCode(200)
                .extract().path("items.id");
        assertThat(pageOrder).hasSize(BULK / 5);
        assertThat(ExportedLists.csv(ours("country=BE")).column("id")).isEqualTo(pageOrder);
        assertThat(ExportedLists.ndjson(ours("country=BE")).stream().map(item -> item.path("id").asText()))
                .isEqualTo(pageOrder);
        assertThat(ExportedLists.csv(ours("country=JP")).column("names.en")).containsExactly("FBRI " + token);
    }

    @Test
    void ndjsonLinesAreTheRepresentationsTheListServes() throws Exception {
        List<JsonNode> lines = ExportedLists.ndjson(ours(""));
        assertThat(lines).hasSize(BULK + 2);
        JsonNode served = JSON.readTree(RestAssured.get("/api/clusters/" + medicenId).asString());
        assertThat(lines).filteredOn(line -> line.path("id").asText().equals(medicenId)).containsExactly(served);
    }

    @Test
    void anExportWithoutMatchesIsItsHeaderAlone() {
        Csv csv = ExportedLists.csv("/api/clusters?q=nothing-" + token);
        assertThat(csv.rows()).isEmpty();
        assertThat(csv.header()).contains("id", "names.en");
        assertThat(ExportedLists.ndjson("/api/clusters?q=nothing-" + token)).isEmpty();
    }

    @Test
    void facetsCountTheWholeFilteredSetMostFrequentFirst() {
        var page = RestAssured.get(ours("size=1&facets=country,kind,focusArea,status")).then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath();
        assertThat(page.getList("facets.country.value")).containsExactly("FR", "BE", "JP");
        assertThat(counts(page.getList("facets.country"))).isEqualTo(new TreeMap<>(Map.of("FR", BULK - BULK / 5 + 1,
                "BE", BULK / 5, "JP", 1)));
        assertThat(counts(page.getList("facets.kind"))).isEqualTo(new TreeMap<>(Map.of("CLUSTER", BULK + 1,
                "FOUNDATION", 1)));
        assertThat(counts(page.getList("facets.focusArea"))).isEqualTo(new TreeMap<>(Map.of("digital-health",
                BULK + 2, "biological-diagnostics", 1)));
        assertThat(counts(page.getList("facets.status"))).isEqualTo(new TreeMap<>(Map.of("ACTIVE", BULK + 2)));
        RestAssured.get(ours("country=BE&facets=kind")).then().statusCode(200)
                .body("facets.kind", hasSize(1)).body("facets.kind[0].value", equalTo("CLUSTER"))
                .body("facets.kind[0].count", equalTo(BULK / 5)).body("facets.country", equalTo(null));
        RestAssured.get(ours("")).then().statusCode(200).body("$", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasKey("facets")));
    }

    @Test
    void anUnknownFacetOrAnUnservedMediaTypeIsAProblem() {
        RestAssured.get(ours("facets=country,colour")).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("facets"))
                .body("errors[0].message", containsString("colour"));
        RestAssured.given().accept("application/xml").get(ours("")).then().statusCode(406)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(406))
                .body("detail", containsString("text/csv"));
        RestAssured.given().accept("text/csv").get(ours("facets=colour")).then().statusCode(400);
        RestAssured.given().accept("text/csv").get(ours("country=XX")).then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void streamedFormatsIgnoreFacetsAndNeedAReader() {
        assertThat(ExportedLists.csv(ours("country=JP&facets=country")).rows()).hasSize(1);
        RestAssured.given().auth().none().accept("text/csv").get(ours("")).then().statusCode(401);
    }

    @Test
    void theFocusAreaTaxonomyExportsToo() {
        Csv csv = ExportedLists.csv("/api/focus-areas");
        assertThat(csv.header()).containsExactly("code", "names.en", "names.ja");
        assertThat(csv.rows()).hasSize(11).contains(Map.of("code", "digital-health", "names.en", "Digital health",
                "names.ja", "デジタルヘルス"));
        assertThat(ExportedLists.ndjson("/api/focus-areas")).hasSize(11);
    }

    private static Map<String, Integer> counts(List<Map<String, Object>> facet) {
        Map<String, Integer> counts = new TreeMap<>();
        facet.forEach(entry -> counts.put((String) entry.get("value"), (Integer) entry.get("count")));
        return counts;
    }
}

package org.clusterbridge.funding.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.funding.Figures.asOf;
import static org.clusterbridge.funding.Figures.count;
import static org.clusterbridge.funding.Figures.create;
import static org.clusterbridge.funding.Figures.money;
import static org.clusterbridge.funding.Figures.span;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.funding.ClusterEvents;
import org.clusterbridge.funding.domain.FundingFigure;
import org.clusterbridge.testing.ExportedLists;
import org.clusterbridge.testing.ExportedLists.Csv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * GET /api/funding-figures as CSV and NDJSON (every match in the list's order, streamed, no page cap) and with
 * facets. The figures here belong to clusters of their own, so a filter on them leaves other tests' figures out;
 * the tests build with small export batches, so the exports below cross several batch boundaries.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundingFigureExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "/api/funding-figures";
    private static final int BULK = 205;
    private static final String TRICKY_NOTE = "投資額, \"概算\"\nsecond line";
    private static final String JAPANESE_TITLE = "京都クラスター年次報告書 2020";

    UUID kyoto;
    UUID lyon;
    UUID bulk;
    String investment;

    /** Once, before the first test: REST Assured carries the admin token from then on. */
    @BeforeEach
    void figuresOnce() {
        if (kyoto != null) {
            return;
        }
        kyoto = ClusterEvents.register("export-kyoto-" + UUID.randomUUID(), "Kyoto export cluster", "京都テスト",
                "JP");
        lyon = ClusterEvents.register("export-lyon-" + UUID.randomUUID(), "Lyon export cluster", null, "FR");
        bulk = ClusterEvents.register("export-bulk-" + UUID.randomUUID(), "Bulk export cluster", null, "JP");

        String cumulative = "{\"kind\": \"CUMULATIVE_SINCE\", \"since\": \"2008\", \"asOf\": \"2020-03-31\"}";
        investment = create(with(money(kyoto, "total-investment", "ACTUAL", "\"2500000000\"", "JPY", cumulative,
                JAPANESE_TITLE), Map.of("note", TRICKY_NOTE, "funders", List.of(
                        Map.of("name", "JST", "description", "科学技術振興機構"),
                        Map.of("name", "METI", "amount", "1000000", "currency", "JPY")))));
        create(count(kyoto, "projects-certified", "ACTUAL", 42, asOf("2020-03-31"), "Kyoto projects 2020"));
        create(count(kyoto, "projects-certified", "TARGET", 100, span("2021-04-01", "2026-03-31"), "Kyoto plan"));
        create(count(kyoto, "jobs-created", "ACTUAL", 300, "{\"fiscalYears\": \"FY2018\"}", "Kyoto jobs"));
        create(count(kyoto, "projects-certified", "ACTUAL", 30, asOf("2019-03-31"), "Kyoto projects 2019"));
        create(count(lyon, "projects-certified", "ACTUAL", 7, asOf("2020-12-31"), "Lyon projects"));
        create(money(lyon, "public-funding", "ACTUAL", "\"12.50\"", "EUR", asOf("2020-12-31"), "Lyon funding"));

        for (int i = 0; i < BULK; i++) {
            create(count(bulk, "members", "ACTUAL", i, asOf((2010 + i % 7) + "-12-31"), "Bulk " + i));
        }
        // Figures recorded in the same microsecond (as an import may record them): the order falls to the id, and
        // batch boundaries fall inside runs of equal period ends and equal recording instants.
        Instant together = Instant.parse("2026-01-01T00:00:00.123456Z");
        QuarkusTransaction.requiringNew().run(() -> FundingFigure.update(
                "recordedAt = ?1 where clusterId = ?2 and mod(valueCount, 2) = 0", together, bulk));
    }

    @Test
    void csvHasAColumnPerFieldAndAKnownFiguresValuesInUtf8() {
        Csv csv = ExportedLists.csv(LIST + "?clusterId=" + kyoto);
        assertThat(csv.header()).containsExactly("id", "clusterId", "indicator", "unit", "nature", "value.count",
                "value.amount", "value.currency", "value.qualifier", "period.kind", "period.start", "period.end",
                "period.date", "period.since", "period.asOf", "period.fiscalYears.from", "period.fiscalYears.to",
                "funders", "source.title", "source.publisher", "source.language", "source.publishedOn",
                "source.url", "note", "version", "recordedAt", "createdBy", "updatedAt", "updatedBy");
        Map<String, String> row = csv.rows().stream().filter(r -> r.get("id").equals(investment)).findFirst()
                .orElseThrow();
        JsonPath served = given().get(LIST + "/" + investment).then().statusCode(200).extract().jsonPath();
        assertThat(row).containsEntry("clusterId", kyoto.toString()).containsEntry("indicator", "total-investment")
                .containsEntry("unit", "MONEY").containsEntry("nature", "ACTUAL").containsEntry("value.count", "")
                .containsEntry("value.amount", "2500000000").containsEntry("value.currency", "JPY")
                .containsEntry("period.kind", "CUMULATIVE_SINCE").containsEntry("period.start", "2008-01-01")
                .containsEntry("period.end", "2020-03-31").containsEntry("period.since", "2008")
                .containsEntry("source.title", JAPANESE_TITLE).containsEntry("note", TRICKY_NOTE)
                .containsEntry("version", "1").containsEntry("recordedAt", served.getString("recordedAt"))
                .containsEntry("updatedAt", served.getString("updatedAt"));
        assertThat(tree(row.get("funders"))).isEqualTo(tree(given().get(LIST + "/" + investment).asString())
                .get("funders"));
        Map<String, String> counted = csv.rows().stream().filter(r -> r.get("value.count").equals("42"))
                .findFirst().orElseThrow();
        assertThat(counted).containsEntry("value.amount", "").containsEntry("value.currency", "")
                .containsEntry("unit", "COUNT").containsEntry("period.date", "2020-03-31");
    }

    @Test
    void csvAndNdjsonHaveTheJsonListsItemsInItsOrder() {
        String ours = LIST + "?clusterId=" + kyoto;
        JsonNode page = tree(given().queryParam("size", "200").get(ours).then().statusCode(200).extract().asString());
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        assertThat(items).hasSize(page.get("total").asInt()).hasSize(5);
        List<String> order = items.stream().map(item -> item.get("id").asText()).toList();
        // the same period end: the later recorded first
        assertThat(items.get(1).get("period").get("end").asText()).isEqualTo("2020-03-31");
        assertThat(items.get(1).get("value").get("count").asInt()).isEqualTo(42);
        assertThat(items.get(2).get("id").asText()).isEqualTo(investment);

        assertThat(ExportedLists.csv(ours).column("id")).isEqualTo(order);
        assertThat(ExportedLists.ndjson(ours)).isEqualTo(items);
    }

    @Test
    void exportsHaveEveryMatchBeyondThePageCapInTheListsOrder() {
        String ours = LIST + "?clusterId=" + bulk;
        JsonPath first = given().queryParam("size", "200").get(ours).then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(200);
        assertThat(first.getInt("total")).isEqualTo(BULK);
        List<String> order = new ArrayList<>(first.getList("items.id", String.class));
        order.addAll(given().queryParam("size", "200").queryParam("page", "1").get(ours).then().statusCode(200)
                .body("items", hasSize(BULK - 200)).extract().jsonPath().getList("items.id", String.class));

        assertThat(ExportedLists.csv(ours).column("id")).hasSize(BULK).doesNotHaveDuplicates().isEqualTo(order);
        assertThat(ExportedLists.ndjson(ours).stream().map(item -> item.get("id").asText()).toList())
                .isEqualTo(order);
        assertThat(ExportedLists.csv(ours + "&page=3&size=1").rows()).as("page and size are ignored").hasSize(BULK);
    }

    @Test
    void exportsApplyTheListsFilters() {
        int japanese = given().queryParam("country", "JP").get(LIST).then().statusCode(200).extract().path("total");
        List<String> clusters = ExportedLists.csv(LIST + "?country=jp").column("clusterId");
        assertThat(clusters).hasSize(japanese).contains(kyoto.toString(), bulk.toString())
                .doesNotContain(lyon.toString());
        assertThat(ExportedLists.ndjson(LIST + "?country=FR").stream().map(item -> item.get("clusterId").asText()))
                .contains(lyon.toString()).doesNotContain(kyoto.toString(), bulk.toString());
        Csv targets = ExportedLists.csv(LIST + "?clusterId=" + kyoto + "&nature=TARGET");
        assertThat(targets.column("value.count")).containsExactly("100");
        assertThat(ExportedLists.csv(LIST + "?clusterId=" + bulk + "&from=2016-01-01").rows())
                .hasSize(given().queryParam("clusterId", bulk.toString()).queryParam("from", "2016-01-01")
                        .get(LIST).then().extract().<Integer> path("total"));
        String slug = ClusterEvents.view(kyoto).slug;
        assertThat(ExportedLists.csv(LIST + "?clusterId=" + slug).rows()).hasSize(5);
    }

    @Test
    void aFilterNothingMatchesExportsTheHeaderAloneAndCountsNoFacets() {
        for (String none : List.of("clusterId=no-such-cluster", "country=AQ",
                "clusterId=" + kyoto + "&to=1990-01-01")) {
            Csv csv = ExportedLists.csv(LIST + "?" + none);
            assertThat(csv.rows()).as(none).isEmpty();
            assertThat(csv.header()).contains("id", "value.amount", "value.currency", "value.count");
            assertThat(ExportedLists.ndjson(LIST + "?" + none)).as(none).isEmpty();
            given().get(LIST + "?" + none + "&facets=indicator,nature,country").then().statusCode(200)
                    .body("total", equalTo(0)).body("facets.indicator", hasSize(0))
                    .body("facets.nature", hasSize(0)).body("facets.country", hasSize(0));
        }
    }

    @Test
    void facetsCountTheWholeFilteredSetMostFrequentFirst() {
        JsonPath page = given().queryParam("clusterId", kyoto.toString()).queryParam("size", "1")
                .queryParam("facets", "indicator,nature,country").get(LIST).then().statusCode(200)
                .body("items", hasSize(1)).extract().jsonPath();
        assertThat(page.getList("facets.indicator.value")).containsExactly("projects-certified", "jobs-created",
                "total-investment");
        assertThat(page.getList("facets.indicator.count")).containsExactly(3, 1, 1);
        assertThat(page.getList("facets.nature.value")).containsExactly("ACTUAL", "TARGET");
        assertThat(page.getList("facets.nature.count")).containsExactly(4, 1);
        assertThat(page.getList("facets.country.value")).containsExactly("JP");
        assertThat(page.getList("facets.country.count")).containsExactly(5);
        for (String indicator : page.getList("facets.indicator.value", String.class)) {
            assertThat(facetCount(page, "indicator", indicator)).as(indicator).isEqualTo(total(Map.of("clusterId",
                    kyoto.toString(), "indicator", indicator)));
        }
    }

    @Test
    void countryFacetsAgreeWithTheCountryFilterAcrossAllFigures() {
        JsonPath all = given().queryParam("facets", "country,nature").queryParam("indicator", "projects-certified")
                .get(LIST).then().statusCode(200).extract().jsonPath();
        List<String> countries = all.getList("facets.country.value", String.class);
        assertThat(countries).contains("JP", "FR");
        List<Integer> counts = all.getList("facets.country.count", Integer.class);
        assertThat(counts).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        for (String country : countries) {
            assertThat(facetCount(all, "country", country)).as(country).isEqualTo(total(Map.of("country", country,
                    "indicator", "projects-certified")));
        }
        for (String nature : List.of("ACTUAL", "TARGET")) {
            assertThat(facetCount(all, "nature", nature)).as(nature).isEqualTo(total(Map.of("nature", nature,
                    "indicator", "projects-certified")));
        }
        given().get(LIST).then().statusCode(200).body("$", not(hasKey("facets")));
    }

    @Test
    void anUnknownFacetOrAnUnservedMediaTypeIsAProblem() {
        given().queryParam("facets", "indicator,colour").get(LIST).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("facets"))
                .body("errors[0].message", containsString("colour"));
        given().accept("application/xml").get(LIST).then().statusCode(406)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(406));
        given().accept("text/csv").queryParam("facets", "colour").get(LIST).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("facets"));
        given().accept("application/x-ndjson").queryParam("size", "201").get(LIST).then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("size"));
    }

    @Test
    void streamedFormatsIgnoreFacetsAndNeedAToken() {
        String ours = LIST + "?clusterId=" + kyoto;
        assertThat(ExportedLists.csv(ours + "&facets=indicator,country").rows()).hasSize(5);
        assertThat(ExportedLists.ndjson(ours + "&facets=nature")).hasSize(5)
                .allSatisfy(item -> assertThat(item.has("facets")).isFalse());
        given().auth().none().accept("text/csv").get(ours).then().statusCode(401);
    }

    private static int facetCount(JsonPath page, String facet, String value) {
        return page.getInt("facets." + facet + ".find { it.value == '" + value + "' }.count");
    }

    private static int total(Map<String, String> filters) {
        return given().queryParams(filters).get(LIST).then().statusCode(200).extract().path("total");
    }

    private static String with(String body, Map<String, Object> fields) {
        ObjectNode node = (ObjectNode) tree(body);
        fields.forEach((name, value) -> node.set(name, JSON.valueToTree(value)));
        return node.toString();
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

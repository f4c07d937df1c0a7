package org.clusterbridge.funding.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.funding.Figures.asOf;
import static org.clusterbridge.funding.Figures.count;
import static org.clusterbridge.funding.Figures.create;
import static org.clusterbridge.funding.Figures.money;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.funding.ClusterEvents;
import org.clusterbridge.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The data-quality list shows, registry-wide, what the clusters' summaries flag: implausible jumps with the
 * previous report, and conflicting reports of one period, each with its source.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataQualityTest {

    @Inject
    EntityManager store;

    String prefix;
    UUID medicen;
    UUID linkJ;
    String profile;
    String releaseJa;
    String releaseEn;
    String overseasJa;
    String overseasEn;

    private static String since2005(String asOf) {
        return "{\"kind\": \"CUMULATIVE_SINCE\", \"since\": \"2005\", \"asOf\": \"" + asOf + "\"}";
    }

    /** The figures every test reads, recorded once (over HTTP, so not in a @BeforeAll). */
    @BeforeEach
    void figures() {
        if (prefix != null) {
            return;
        }
        String prefix = "dq-" + UUID.randomUUID();
        medicen = ClusterEvents.register(prefix + "-a-medicen", "Medicen-like", null, "FR");
        linkJ = ClusterEvents.register(prefix + "-b-link-j", "LINK-J-like", "ライフサイエンス", "JP");
        // Medicen: about 1.9 bn, then about 21 bn in both languages of the next release
        profile = create(money(medicen, "total-investment", "ACTUAL", "\"1900000000\"", "EUR", since2005("2020-02-04"),
                "Profile"));
        releaseJa = create(money(medicen, "total-investment", "ACTUAL", "\"21000000000\"", "EUR",
                since2005("2020-02-05"), "Release ja"));
        releaseEn = create(money(medicen, "total-investment", "ACTUAL", "\"21000000000\"", "EUR",
                since2005("2020-02-05"), "Release en"));
        // a jump and a conflict of the same period end: both reports jumped from 10, and they disagree
        create(count(medicen, "jobs-created", "ACTUAL", 10, asOf("2019-12-31"), "Report 2019"));
        create(count(medicen, "jobs-created", "ACTUAL", 100, asOf("2020-12-31"), "Report 2020"));
        create(count(medicen, "jobs-created", "ACTUAL", 120, asOf("2020-12-31"), "Report 2020 restated"));
        // five times exactly is plausible, as in the summary
        create(count(medicen, "projects-certified", "ACTUAL", 60, asOf("2019-12-31"), "Report 2019"));
        create(count(medicen, "projects-certified", "ACTUAL", 300, asOf("2020-12-31"), "Report 2020"));
        // LINK-J: 16 partners in both languages, 8 of them overseas in Japanese, 6 in English
        create(count(linkJ, "cooperation-partners", "ACTUAL", 16, asOf("2020-02-05"), "Release ja"));
        create(count(linkJ, "cooperation-partners", "ACTUAL", 16, asOf("2020-02-05"), "Release en"));
        overseasJa = create(count(linkJ, "overseas-cooperation-partners", "ACTUAL", 8, asOf("2020-02-05"),
                "Release ja"));
        overseasEn = create(count(linkJ, "overseas-cooperation-partners", "ACTUAL", 6, asOf("2020-02-05"),
                "Release en"));
        this.prefix = prefix;
    }

    /** Every item of the list, page after page, and the total each page gave. */
    private List<Map<String, Object>> all(int size) {
        List<Map<String, Object>> items = new ArrayList<>();
        long total = -1;
        for (int page = 0; total < 0 || items.size() < total; page++) {
            JsonPath body = given().queryParam("page", page).queryParam("size", size).get("/api/data-quality")
                    .then().statusCode(200).body("page", equalTo(page)).body("size", equalTo(size))
                    .extract().jsonPath();
            long pageTotal = body.getLong("total");
            assertThat(total).as("the total of every page").isIn(-1L, pageTotal);
            total = pageTotal;
            List<Map<String, Object>> found = body.getList("items");
            assertThat(found).as("page %d of %d items", page, total).hasSize((int) Math.min(size, total - items.size()));
            items.addAll(found);
        }
        return items;
    }

    private List<Map<String, Object>> ours() {
        return all(200).stream().filter(item -> String.valueOf(item.get("slug")).startsWith(prefix)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reports(Map<String, Object> item) {
        return (List<Map<String, Object>>) item.get("reports");
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> item, String... path) {
        Object value = item;
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
    }

    @Test
    void anImplausibleJumpIsListedWithThePreviousReportAndTheJumpedOneAndTheirSources() {
        List<Map<String, Object>> jumps = ours().stream()
                .filter(item -> item.get("indicator").equals("total-investment")).toList();
        assertThat(jumps).as("both reports of 21 bn jumped from 1.9 bn").hasSize(2)
                .allSatisfy(jump -> {
                    assertThat(jump.get("kind")).isEqualTo("IMPLAUSIBLE_JUMP");
                    assertThat(jump.get("clusterId")).isEqualTo(medicen.toString());
                    assertThat(at(jump, "clusterNames", "en")).isEqualTo("Medicen-like");
                    assertThat(at(jump, "indicatorNames", "ja")).isEqualTo("総投資額");
                    assertThat(jump.get("nature")).isEqualTo("ACTUAL");
                    assertThat(at(jump, "period", "kind")).isEqualTo("CUMULATIVE_SINCE");
                    assertThat(at(jump, "period", "end")).isEqualTo("2020-02-05");
                    assertThat(reports(jump)).hasSize(2);
                    Map<String, Object> previous = reports(jump).get(0);
                    assertThat(previous.get("figureId")).isEqualTo(profile);
                    assertThat(at(previous, "value", "amount")).isEqualTo("1900000000");
                    assertThat(at(previous, "value", "currency")).isEqualTo("EUR");
                    assertThat(at(previous, "period", "end")).isEqualTo("2020-02-04");
                    assertThat(at(previous, "source", "title")).isEqualTo("Profile");
                    assertThat(at(reports(jump).get(1), "value", "amount")).isEqualTo("21000000000");
                    assertThat(at(reports(jump).get(1), "source", "publisher")).isEqualTo("Test publisher");
                });
        assertThat(jumps).extracting(jump -> reports(jump).get(1).get("figureId"))
                .containsExactlyInAnyOrder(releaseJa, releaseEn);
        assertThat(jumps).extracting(jump -> at(reports(jump).get(1), "source", "title"))
                .containsExactlyInAnyOrder("Release ja", "Release en");
    }

    @Test
    void conflictingReportsAreListedWithBothSourcesAndAgreeingOnesAreNot() {
        List<Map<String, Object>> linkJs = ours().stream().filter(item -> item.get("clusterId")
                .equals(linkJ.toString())).toList();
        assertThat(linkJs).as("16 and 16 agree: only the overseas part conflicts").hasSize(1);
        Map<String, Object> conflict = linkJs.get(0);
        assertThat(conflict.get("kind")).isEqualTo("CONFLICT");
        assertThat(conflict.get("indicator")).isEqualTo("overseas-cooperation-partners");
        assertThat(conflict.get("slug")).isEqualTo(prefix + "-b-link-j");
        assertThat(at(conflict, "clusterNames", "ja")).isEqualTo("ライフサイエンス");
        assertThat(conflict.get("nature")).isEqualTo("ACTUAL");
        assertThat(at(conflict, "period", "kind")).isEqualTo("AS_OF");
        assertThat(at(conflict, "period", "end")).isEqualTo("2020-02-05");
        assertThat(reports(conflict)).extracting(r -> r.get("figureId"))
                .containsExactlyInAnyOrder(overseasJa, overseasEn);
        assertThat(reports(conflict)).extracting(r -> at(r, "value", "count")).containsExactlyInAnyOrder(8, 6);
        assertThat(reports(conflict)).extracting(r -> at(r, "source", "title"))
                .containsExactlyInAnyOrder("Release ja", "Release en");
        assertThat(reports(conflict)).extracting(r -> at(r, "period", "date")).containsOnly("2020-02-05");
    }

    @Test
    void itemsAreOrderedBySlugIndicatorNaturePeriodEndThenKind() {
        assertThat(ours()).extracting(item -> item.get("slug") + " " + item.get("indicator") + " "
                + item.get("kind")).containsExactly(
                        prefix + "-a-medicen jobs-created IMPLAUSIBLE_JUMP",
                        prefix + "-a-medicen jobs-created IMPLAUSIBLE_JUMP",
                        prefix + "-a-medicen jobs-created CONFLICT",
                        prefix + "-a-medicen total-investment IMPLAUSIBLE_JUMP",
                        prefix + "-a-medicen total-investment IMPLAUSIBLE_JUMP",
                        prefix + "-b-link-j overseas-cooperation-partners CONFLICT");
    }

    @Test
    void smallPagesAddUpToTheWholeListWithOneTotal() {
        List<Map<String, Object>> whole = all(200);
        assertThat(whole.size()).isGreaterThanOrEqualTo(6);
        assertThat(all(2)).isEqualTo(whole);
        given().queryParam("page", 100000).get("/api/data-quality").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(whole.size())).body("size", equalTo(50));
    }

    @Test
    void aCorrectionRewritesTheMarksOfItsSeries() {
        UUID cluster = ClusterEvents.register(prefix + "-c-corrected", "Corrected", null, "BE");
        create(count(cluster, "members", "ACTUAL", 100, asOf("2019-12-31"), "Report 2019"));
        String typo = count(cluster, "members", "ACTUAL", 1000, asOf("2020-12-31"), "Report 2020");
        String id = create(typo);
        assertThat(ours()).filteredOn(item -> item.get("clusterId").equals(cluster.toString()))
                .extracting(item -> item.get("kind")).containsExactly("IMPLAUSIBLE_JUMP");
        given().contentType("application/json").header("If-Match", "\"1\"")
                .body(typo.replace("\"count\": 1000", "\"count\": 110"))
                .put("/api/funding-figures/" + id).then().statusCode(200);
        assertThat(ours()).filteredOn(item -> item.get("clusterId").equals(cluster.toString())).isEmpty();
    }

    @Test
    void theMarksAreWhatTheMigrationsRulesInSqlFindForTheSameFigures() throws Exception {
        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V5__data_quality.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String columns = "kind, cluster_id, indicator, nature, period_kind, period_start, period_end, dimension, figure_id";
        String found = migration.substring(migration.indexOf("WITH actual AS")).replace("SELECT " + columns
                + "\nFROM concern;", "SELECT concat_ws(' ', " + columns + ") FROM concern");
        List<Object> bySql = QuarkusTransaction.requiringNew().call(
                () -> new ArrayList<Object>(store.createNativeQuery(found).getResultList()));
        List<Object> marked = QuarkusTransaction.requiringNew().call(() -> new ArrayList<Object>(store
                .createNativeQuery("SELECT concat_ws(' ', " + columns + ") FROM data_quality_concern")
                .getResultList()));
        assertThat(marked).as("marks of every test's figures").isNotEmpty().containsExactlyInAnyOrderElementsOf(bySql);
    }

    @Test
    void badPagesAndSizesAreProblems() {
        for (Map<String, String> bad : List.of(Map.of("page", "-1"), Map.of("size", "0"), Map.of("size", "201"),
                Map.of("page", "first"), Map.of("size", "many"))) {
            String field = bad.keySet().iterator().next();
            given().queryParams(bad).get("/api/data-quality").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(field));
        }
    }

    @Test
    void aReaderMayListButNotWithoutAToken() {
        given().auth().none().get("/api/data-quality").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.reader()).get("/api/data-quality").then().statusCode(200);
    }
}

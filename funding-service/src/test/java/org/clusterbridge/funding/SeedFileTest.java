package org.clusterbridge.funding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.funding.Figures.post;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.testing.RepositoryFiles;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The seed file loads through the public API as the local stack's importer does it, and twice gives 409; LINK-J's
 * two releases disagree on the overseas partners (8 and 6) and the summary shows it.
 */
@QuarkusTest
class SeedFileTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everySeedFigureLoadsOnceAndTheSummaryFlagsMedicensInvestmentJump() throws IOException {
        UUID medicen = ClusterEvents.register("medicen-paris-region", "Medicen Paris Region", null, "FR");
        UUID yamaguchi = ClusterEvents.register("yamaguchi-medical-growth-strategy-council",
                "Yamaguchi medical-related industry cluster", "山口県医療関連産業クラスター", "JP");
        UUID linkJ = ClusterEvents.register("link-j", "Life Science Innovation Network Japan",
                "ライフサイエンス・イノベーション・ネットワーク・ジャパン", "JP");
        Map<String, UUID> clusters = Map.of("medicen-paris-region", medicen,
                "yamaguchi-medical-growth-strategy-council", yamaguchi, "link-j", linkJ);
        String text = java.nio.file.Files.readString(
                RepositoryFiles.resolve("local-stack/src/main/resources/seed/funding-figures.json"));
        for (var entry : clusters.entrySet()) {
            text = text.replace("\"@cluster:" + entry.getKey() + "\"", "\"" + entry.getValue() + "\"");
        }
        assertThat(text).doesNotContain("@cluster:");
        JsonNode seeds = MAPPER.readTree(text);
        assertThat(seeds.size()).isEqualTo(17);
        List<String> ids = new ArrayList<>();
        for (JsonNode seed : seeds) {
            assertThat(seed.at("/source/title").asText()).isNotBlank();
            ids.add(post(seed.toString()).statusCode(201).extract().path("id"));
        }
        for (JsonNode seed : seeds) {
            post(seed.toString()).statusCode(409);
        }
        assertThat(ids).doesNotHaveDuplicates();

        given().get("/api/clusters/medicen-paris-region/funding-summary").then().statusCode(200)
                .body("clusterId", equalTo(medicen.toString()))
                .body("indicators.find { it.indicator == 'total-investment' }.plausibilityFlag", equalTo(true))
                .body("indicators.find { it.indicator == 'total-investment' }.latestActual.value.amount",
                        equalTo("21000000000"))
                .body("indicators.find { it.indicator == 'total-investment' }.series", hasSize(3))
                .body("indicators.find { it.indicator == 'projects-certified' }.change.difference", equalTo("78"))
                .body("indicators.find { it.indicator == 'public-funding' }.change.difference", equalTo("331000000"))
                .body("indicators.find { it.indicator == 'public-funding' }.plausibilityFlag", equalTo(false))
                .body("indicators.find { it.indicator == 'products-launched' }.latestActual.value.count",
                        equalTo(80));
        given().get("/api/clusters/yamaguchi-medical-growth-strategy-council/funding-summary").then().statusCode(200)
                .body("indicators[0].indicator", equalTo("commercialisations"))
                .body("indicators[0].latestActual", nullValue())
                .body("indicators[0].targets[0].target.count", equalTo(13))
                .body("indicators[0].targets[0].period.start", equalTo("2013-04-01"))
                .body("indicators[0].targets[0].period.end", equalTo("2018-03-31"))
                .body("indicators[0].targets[0].period.fiscalYears.from", equalTo("FY2013"));
        given().get("/api/clusters/link-j/funding-summary").then().statusCode(200)
                .body("indicators.find { it.indicator == 'cooperation-partners' }.series.value.count",
                        contains(16, 16))
                .body("indicators.find { it.indicator == 'cooperation-partners' }.conflicts", hasSize(0))
                .body("indicators.find { it.indicator == 'overseas-cooperation-partners' }.series.value.count",
                        contains(8, 6))
                .body("indicators.find { it.indicator == 'overseas-cooperation-partners' }.conflicts", hasSize(1))
                .body("indicators.find { it.indicator == 'overseas-cooperation-partners' }.conflicts[0].period.end",
                        equalTo("2020-02-05"))
                .body("indicators.find { it.indicator == 'overseas-cooperation-partners' }.conflicts[0].reports"
                        + ".source.language", contains("ja", "en"))
                .body("indicators.find { it.indicator == 'overseas-cooperation-partners' }.conflicts[0].reports"
                        + ".value.count", contains(8, 6));
        given().queryParam("clusterId", "medicen-paris-region").queryParam("indicator", "total-investment")
                .get("/api/funding-figures").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items[2].funders.name", org.hamcrest.Matchers.hasItems("FUI", "Bpifrance", "ANR", "ERDF",
                        "PIA", "Local authorities"));
    }
}

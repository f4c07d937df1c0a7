package org.clusterbridge.funding.api;

import static io.restassured.RestAssured.given;
import static org.clusterbridge.funding.Figures.asOf;
import static org.clusterbridge.funding.Figures.count;
import static org.clusterbridge.funding.Figures.create;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;

import org.clusterbridge.funding.ClusterEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The figure list's total is exact up to the bound (3 here) and an estimate above it, marked; a figure and a page
 * answer a matching If-None-Match with a 304.
 */
@QuarkusTest
@TestProfile(FigureTotalsTest.SmallBound.class)
class FigureTotalsTest {

    public static class SmallBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clusterbridge.list.exact-total-up-to", "3");
        }
    }

    @Test
    void totalsAreExactUpToTheBoundAndEstimatedAbove() {
        UUID cluster = ClusterEvents.register("totals-" + UUID.randomUUID(), "Totals cluster", null, "JP");
        for (int year = 2010; year < 2015; year++) {
            create(count(cluster, "members", "ACTUAL", year, asOf(year + "-12-31"), "Members " + year));
        }
        create(count(cluster, "jobs-created", "ACTUAL", 12, asOf("2020-12-31"), "Jobs"));
        given().get("/api/funding-figures?indicator=jobs-created&clusterId=" + cluster).then().statusCode(200)
                .body("total", is(1)).body("totalExact", is(true));
        given().get("/api/funding-figures?size=2&clusterId=" + cluster).then().statusCode(200)
                .body("totalExact", is(false)).body("total", greaterThanOrEqualTo(4)).body("items", hasSize(2));
        given().get("/api/funding-figures?size=2&page=2&clusterId=" + cluster).then().statusCode(200)
                .body("items", hasSize(2)).body("items[1].indicator", equalTo("members"));
        given().get("/api/funding-figures?size=200&clusterId=" + cluster + "&facets=indicator").then()
                .body("items", hasSize(6)).body("facets.indicator[0].count", is(5));
    }

    @Test
    void aFigureAndAPageAreNotModifiedWhileTheClientHasThem() {
        UUID cluster = ClusterEvents.register("etag-" + UUID.randomUUID(), "ETag cluster", null, "FR");
        String id = create(count(cluster, "members", "ACTUAL", 40, asOf("2021-12-31"), "Members 2021"));
        given().header("If-None-Match", "\"1\"").get("/api/funding-figures/" + id).then().statusCode(304)
                .body(emptyString());
        String list = "/api/funding-figures?clusterId=" + cluster;
        String tag = given().get(list).then().statusCode(200).header("ETag", startsWith("W/\"")).extract()
                .header("ETag");
        given().header("If-None-Match", tag).get(list).then().statusCode(304);
        create(count(cluster, "members", "ACTUAL", 45, asOf("2022-12-31"), "Members 2022"));
        given().header("If-None-Match", tag).get(list).then().statusCode(200).body("total", is(2));
        String summary = "/api/clusters/" + cluster + "/funding-summary";
        String summaryTag = given().get(summary).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", summaryTag).get(summary).then().statusCode(304);
    }
}

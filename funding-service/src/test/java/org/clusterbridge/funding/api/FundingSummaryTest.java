package org.clusterbridge.funding.api;

import static io.restassured.RestAssured.given;
import static org.clusterbridge.funding.Figures.asOf;
import static org.clusterbridge.funding.Figures.count;
import static org.clusterbridge.funding.Figures.create;
import static org.clusterbridge.funding.Figures.money;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.clusterbridge.funding.ClusterEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FundingSummaryTest {

    static UUID cluster;
    static String slug;

    private static String since2005(String asOf) {
        return "{\"kind\": \"CUMULATIVE_SINCE\", \"since\": \"2005\", \"asOf\": \"" + asOf + "\"}";
    }

    private static String fy(int from, int to) {
        return "{\"fiscalYears\": {\"from\": \"FY" + from + "\", \"to\": \"FY" + to + "\"}}";
    }

    /** The figures every test reads, recorded once (over HTTP, so not in a @BeforeAll). */
    @BeforeEach
    void figures() {
        if (cluster != null) {
            return;
        }
        String name = "summary-" + UUID.randomUUID();
        UUID cluster = ClusterEvents.register(name, "Summary cluster", "サマリー", "FR");
        create(money(cluster, "total-investment", "ACTUAL", "\"1900000000\"", "EUR", since2005("2019-06-30"), "Profile"));
        create(money(cluster, "total-investment", "ACTUAL", "\"21000000000\"", "EUR", since2005("2020-02-05"), "Release ja"));
        create(money(cluster, "total-investment", "ACTUAL", "\"21000000000\"", "EUR", since2005("2020-02-05"), "Release en"));
        create(count(cluster, "projects-certified", "ACTUAL", 305, since2005("2019-06-30"), "Profile"));
        create(count(cluster, "projects-certified", "ACTUAL", 383, since2005("2020-02-05"), "Release en"));
        create(money(cluster, "public-funding", "ACTUAL", "0.10", "EUR", fy(2013, 2013), "FY2013 report"));
        create(money(cluster, "public-funding", "ACTUAL", "\"0.10\"", "EUR", fy(2013, 2013), "FY2013 restated"));
        create(money(cluster, "public-funding", "ACTUAL", "0.20", "EUR", fy(2014, 2014), "FY2014 report"));
        create(money(cluster, "public-funding", "ACTUAL", "100", "JPY", fy(2015, 2015), "FY2015 yen report"));
        create(money(cluster, "public-funding", "TARGET", "\"1.00\"", "EUR", fy(2013, 2017), "Plan"));
        create(count(cluster, "commercialisations", "TARGET", 13, "{\"fiscalYears\": \"平成25～29年度\"}", "Plan"));
        create(count(cluster, "commercialisations", "ACTUAL", 3, fy(2013, 2013), "FY2013 report"));
        create(count(cluster, "commercialisations", "ACTUAL", 4, fy(2014, 2014), "FY2014 report"));
        create(count(cluster, "commercialisations", "ACTUAL", 9, fy(2019, 2019), "Outside the plan"));
        FundingSummaryTest.slug = name;
        FundingSummaryTest.cluster = cluster;
    }

    @Test
    void aJumpOfMoreThanFiveTimesIsFlaggedAndBothReportsStayInTheSeries() {
        given().get("/api/clusters/" + cluster + "/funding-summary").then().statusCode(200)
                .body("clusterId", equalTo(cluster.toString()))
                .body("clusterNames.en", equalTo("Summary cluster"))
                .body("country", equalTo("FR"))
                .body("indicators.find { it.indicator == 'total-investment' }.plausibilityFlag", equalTo(true))
                .body("indicators.find { it.indicator == 'total-investment' }.series", hasSize(3))
                .body("indicators.find { it.indicator == 'total-investment' }.series.value.amount",
                        contains("1900000000", "21000000000", "21000000000"))
                .body("indicators.find { it.indicator == 'total-investment' }.latestActual.value.amount",
                        equalTo("21000000000"))
                .body("indicators.find { it.indicator == 'total-investment' }.change.difference",
                        equalTo("19100000000"))
                .body("indicators.find { it.indicator == 'total-investment' }.change.ratio", equalTo("11.0526"))
                .body("indicators.find { it.indicator == 'total-investment' }.change.implausible", equalTo(true))
                .body("indicators.find { it.indicator == 'total-investment' }.series[0].implausibleJump",
                        equalTo(false))
                .body("indicators.find { it.indicator == 'projects-certified' }.plausibilityFlag", equalTo(false))
                .body("indicators.find { it.indicator == 'projects-certified' }.change.difference", equalTo("78"))
                .body("indicators.find { it.indicator == 'projects-certified' }.change.ratio", equalTo("1.2557"))
                .body("indicators.find { it.indicator == 'projects-certified' }.latestActual.value.count",
                        equalTo(383));
    }

    @Test
    void totalsAreExactAndPerCurrency() {
        given().get("/api/clusters/" + slug + "/funding-summary").then().statusCode(200)
                .body("indicators.find { it.indicator == 'public-funding' }.totals", hasSize(2))
                .body("indicators.find { it.indicator == 'public-funding' }.totals.find { it.currency == 'EUR' }.amount",
                        equalTo("0.30"))
                .body("indicators.find { it.indicator == 'public-funding' }.totals.find { it.currency == 'EUR' }.figures",
                        equalTo(2))
                .body("indicators.find { it.indicator == 'public-funding' }.totals.find { it.currency == 'JPY' }.amount",
                        equalTo("100"))
                .body("indicators.find { it.indicator == 'commercialisations' }.totals[0].count", equalTo(16));
    }

    @Test
    void progressAgainstATargetAddsTheActualsWithinItsPeriod() {
        given().get("/api/clusters/" + cluster + "/funding-summary").then().statusCode(200)
                .body("indicators.find { it.indicator == 'public-funding' }.targets[0].target.amount", equalTo("1.00"))
                .body("indicators.find { it.indicator == 'public-funding' }.targets[0].achieved.amount",
                        equalTo("0.30"))
                .body("indicators.find { it.indicator == 'public-funding' }.targets[0].achieved.currency",
                        equalTo("EUR"))
                .body("indicators.find { it.indicator == 'public-funding' }.targets[0].percent", equalTo("30.0"))
                .body("indicators.find { it.indicator == 'public-funding' }.targets[0].reached", equalTo(false))
                .body("indicators.find { it.indicator == 'commercialisations' }.targets[0].period.start",
                        equalTo("2013-04-01"))
                .body("indicators.find { it.indicator == 'commercialisations' }.targets[0].period.end",
                        equalTo("2018-03-31"))
                .body("indicators.find { it.indicator == 'commercialisations' }.targets[0].achieved.count",
                        equalTo(7))
                .body("indicators.find { it.indicator == 'commercialisations' }.targets[0].percent", equalTo("53.8"))
                .body("indicators.find { it.indicator == 'commercialisations' }.targets[0].basedOn", hasSize(2))
                .body("indicators.find { it.indicator == 'commercialisations' }.targets[0].achievedAsOf",
                        equalTo("2015-03-31"));
    }

    @Test
    void theSummaryShowsTheClustersCurrentNameFromTheView() {
        UUID renamed = ClusterEvents.register("summary-rename-" + UUID.randomUUID(), "Old name", null, "JP");
        create(count(renamed, "jobs-created", "ACTUAL", 7, asOf("2019-01-01"), "Rename test"));
        ClusterEvents.publish(ClusterEvents.event(renamed, ClusterEvents.view(renamed).slug, "New name", "新しい名前",
                "JP", "ACTIVE", 2, "updated"));
        ClusterEvents.awaitVersion(renamed, 2);
        given().get("/api/clusters/" + renamed + "/funding-summary").then().statusCode(200)
                .body("clusterNames.en", equalTo("New name"))
                .body("clusterNames.ja", equalTo("新しい名前"))
                .body("indicators", hasSize(1))
                .body("indicators[0].latestActual.value.count", equalTo(7))
                .body("indicators[0].change", nullValue())
                .body("indicators[0].targets", hasSize(0));
    }

    @Test
    void anUnknownClusterHasNoSummary() {
        given().get("/api/clusters/" + UUID.randomUUID() + "/funding-summary").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/clusters/no-such-slug/funding-summary").then().statusCode(404);
        given().get("/api/clusters/" + cluster + "/funding-summary").then()
                .body("indicators.indicator", containsInAnyOrder("projects-certified", "total-investment",
                        "public-funding", "commercialisations"));
    }
}

package org.clusterbridge.funding.api;

import static io.restassured.RestAssured.given;
import static org.clusterbridge.funding.Figures.asOf;
import static org.clusterbridge.funding.Figures.count;
import static org.clusterbridge.funding.Figures.create;
import static org.clusterbridge.funding.Figures.money;
import static org.clusterbridge.funding.Figures.span;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.clusterbridge.funding.ClusterEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Reports of one period whose sources disagree are a conflict in the summary, and both stay in the series. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConflictingReportsTest {

    UUID cluster;
    String japanese;
    String english;

    /** The figures every test reads, recorded once (over HTTP, so not in a @BeforeAll). */
    @BeforeEach
    void figures() {
        if (cluster != null) {
            return;
        }
        cluster = ClusterEvents.register("conflicts-" + UUID.randomUUID(), "Conflicts cluster", null, "JP");
        // the same release in two languages: the partner counts agree, their overseas part does not
        create(count(cluster, "cooperation-partners", "ACTUAL", 16, asOf("2020-02-05"), "Release ja"));
        create(count(cluster, "cooperation-partners", "ACTUAL", 16, asOf("2020-02-05"), "Release en"));
        japanese = create(count(cluster, "overseas-cooperation-partners", "ACTUAL", 8, asOf("2020-02-05"),
                "Release ja"));
        english = create(count(cluster, "overseas-cooperation-partners", "ACTUAL", 6, asOf("2020-02-05"),
                "Release en"));
        // different values of different periods are a series, not a conflict
        create(count(cluster, "jobs-created", "ACTUAL", 40, asOf("2019-12-31"), "Report 2019"));
        create(count(cluster, "jobs-created", "ACTUAL", 45, asOf("2020-12-31"), "Report 2020"));
        // an AS_OF day and a span ending that day are different periods
        create(count(cluster, "companies-created", "ACTUAL", 3, asOf("2020-12-31"), "Report 2020"));
        create(count(cluster, "companies-created", "ACTUAL", 5, span("2020-01-01", "2020-12-31"), "Annual 2020"));
        // targets conflict the same way; amounts in two currencies cannot be compared
        create(count(cluster, "commercialisations", "TARGET", 13, span("2021-01-01", "2025-12-31"), "Plan"));
        create(count(cluster, "commercialisations", "TARGET", 15, span("2021-01-01", "2025-12-31"), "Plan revised"));
        create(money(cluster, "public-funding", "ACTUAL", "\"1000000\"", "EUR", asOf("2020-02-05"), "Release en"));
        create(money(cluster, "public-funding", "ACTUAL", "\"150000000\"", "JPY", asOf("2020-02-05"), "Release ja"));
        create(money(cluster, "private-funding", "ACTUAL", "\"2.50\"", "EUR", asOf("2020-02-05"), "Release en"));
        create(money(cluster, "private-funding", "ACTUAL", "\"2.5\"", "EUR", asOf("2020-02-05"), "Release ja"));
    }

    private ValidatableResponse summary() {
        return given().get("/api/clusters/" + cluster + "/funding-summary").then().statusCode(200);
    }

    @Test
    void differingValuesOfOnePeriodFromTwoSourcesAreAConflictNamingBothReports() {
        String overseas = "indicators.find { it.indicator == 'overseas-cooperation-partners' }";
        summary()
                .body(overseas + ".conflicts", hasSize(1))
                .body(overseas + ".conflicts[0].nature", equalTo("ACTUAL"))
                .body(overseas + ".conflicts[0].period.kind", equalTo("AS_OF"))
                .body(overseas + ".conflicts[0].period.end", equalTo("2020-02-05"))
                .body(overseas + ".conflicts[0].reports", hasSize(2))
                .body(overseas + ".conflicts[0].reports.figureId", containsInAnyOrder(japanese, english))
                .body(overseas + ".conflicts[0].reports.find { it.figureId == '" + japanese + "' }.value.count",
                        equalTo(8))
                .body(overseas + ".conflicts[0].reports.find { it.figureId == '" + japanese + "' }.source.title",
                        equalTo("Release ja"))
                .body(overseas + ".conflicts[0].reports.find { it.figureId == '" + english + "' }.value.count",
                        equalTo(6))
                .body(overseas + ".conflicts[0].reports.find { it.figureId == '" + english + "' }.source.title",
                        equalTo("Release en"))
                .body(overseas + ".conflicts[0].reports[0].source.publisher", equalTo("Test publisher"))
                .body(overseas + ".conflicts[0].reports[0].source.language", equalTo("en"))
                .body(overseas + ".conflicts[0].reports[0].source.publishedOn", equalTo("2020-02"))
                .body(overseas + ".plausibilityFlag", equalTo(false));
    }

    @Test
    void bothConflictingFiguresStayInTheSeries() {
        String overseas = "indicators.find { it.indicator == 'overseas-cooperation-partners' }";
        summary()
                .body(overseas + ".series", hasSize(2))
                .body(overseas + ".series.figureId", containsInAnyOrder(japanese, english))
                .body(overseas + ".series.value.count", containsInAnyOrder(8, 6))
                .body(overseas + ".series.changeFromPrevious", contains(nullValue(), nullValue()));
        given().queryParam("clusterId", cluster.toString()).queryParam("indicator", "overseas-cooperation-partners")
                .get("/api/funding-figures").then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void equalValuesFromTwoSourcesAreNoConflict() {
        summary()
                .body("indicators.find { it.indicator == 'cooperation-partners' }.series", hasSize(2))
                .body("indicators.find { it.indicator == 'cooperation-partners' }.conflicts", hasSize(0))
                .body("indicators.find { it.indicator == 'private-funding' }.series", hasSize(2))
                .body("indicators.find { it.indicator == 'private-funding' }.conflicts", hasSize(0));
    }

    @Test
    void differentValuesOfDifferentPeriodsAreNoConflict() {
        summary()
                .body("indicators.find { it.indicator == 'jobs-created' }.series", hasSize(2))
                .body("indicators.find { it.indicator == 'jobs-created' }.conflicts", hasSize(0))
                .body("indicators.find { it.indicator == 'companies-created' }.series", hasSize(2))
                .body("indicators.find { it.indicator == 'companies-created' }.conflicts", hasSize(0));
    }

    @Test
    void targetsOfOnePeriodConflictAsTargets() {
        String commercialisations = "indicators.find { it.indicator == 'commercialisations' }";
        summary()
                .body(commercialisations + ".targets", hasSize(2))
                .body(commercialisations + ".conflicts", hasSize(1))
                .body(commercialisations + ".conflicts[0].nature", equalTo("TARGET"))
                .body(commercialisations + ".conflicts[0].period.start", equalTo("2021-01-01"))
                .body(commercialisations + ".conflicts[0].reports.value.count", containsInAnyOrder(13, 15))
                .body(commercialisations + ".conflicts[0].reports.source.title",
                        containsInAnyOrder("Plan", "Plan revised"));
    }

    @Test
    void amountsInDifferentCurrenciesAreNoConflict() {
        summary().body("indicators.find { it.indicator == 'public-funding' }.series", hasSize(2))
                .body("indicators.find { it.indicator == 'public-funding' }.conflicts", hasSize(0));
    }

    @Test
    void theCatalogueSaysTheOverseasPartnersArePartOfTheCooperationPartners() {
        given().get("/api/indicators").then().statusCode(200)
                .body("find { it.code == 'cooperation-partners' }.unit", equalTo("COUNT"))
                .body("find { it.code == 'cooperation-partners' }.partOf", nullValue())
                .body("find { it.code == 'overseas-cooperation-partners' }.unit", equalTo("COUNT"))
                .body("find { it.code == 'overseas-cooperation-partners' }.names.en",
                        equalTo("Overseas cooperation partners"))
                .body("find { it.code == 'overseas-cooperation-partners' }.partOf", equalTo("cooperation-partners"));
    }
}

package org.clusterbridge.funding.api;

import static io.restassured.RestAssured.given;
import static org.clusterbridge.funding.Figures.asOf;
import static org.clusterbridge.funding.Figures.body;
import static org.clusterbridge.funding.Figures.count;
import static org.clusterbridge.funding.Figures.create;
import static org.clusterbridge.funding.Figures.money;
import static org.clusterbridge.funding.Figures.post;
import static org.clusterbridge.funding.Figures.span;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.clusterbridge.funding.ClusterEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundingFigureApiTest {

    UUID paris;
    UUID kobe;

    @BeforeAll
    void clusters() {
        paris = ClusterEvents.register("api-paris-" + UUID.randomUUID(), "Paris test cluster", null, "FR");
        kobe = ClusterEvents.register("api-kobe-" + UUID.randomUUID(), "Kobe test cluster", "神戸テスト", "JP");
    }

    @Test
    void theCatalogueNamesEveryIndicatorInEnglishAndJapaneseWithItsUnit() {
        given().get("/api/indicators").then().statusCode(200)
                .body("code", hasItems("projects-certified", "products-launched", "total-investment",
                        "public-funding", "commercialisations", "companies-created", "jobs-created"))
                .body("find { it.code == 'total-investment' }.unit", equalTo("MONEY"))
                .body("find { it.code == 'total-investment' }.names.ja", equalTo("総投資額"))
                .body("find { it.code == 'projects-certified' }.unit", equalTo("COUNT"))
                .body("find { it.code == 'commercialisations' }.names.en", equalTo("Commercialisations"));
    }

    @Test
    void aRecordedFigureIsReturnedWithLocationEtagAndExactAmount() {
        String body = """
                {"clusterId": "%s", "indicator": "total-investment", "nature": "ACTUAL",
                 "value": {"amount": "1900000000", "currency": "EUR", "qualifier": "NEARLY"},
                 "period": {"kind": "CUMULATIVE_SINCE", "since": "2005", "asOf": "2019-06-30"},
                 "funders": [{"name": "FUI", "description": "French Inter-Ministry Fund"},
                             {"name": "ERDF", "amount": "12000000.50", "currency": "EUR"}],
                 "source": {"title": "Created test", "publisher": "Medicen", "language": "en",
                            "publishedOn": "2019-07-01", "url": "https://medicen.org/en/"},
                 "note": "close to 1.9 billion"}
                """.formatted(paris);
        String id = post(body).statusCode(201)
                .header("Location", containsString("/api/funding-figures/"))
                .header("ETag", containsString("1"))
                .body("clusterId", equalTo(paris.toString()))
                .body("unit", equalTo("MONEY"))
                .body("value.amount", equalTo("1900000000"))
                .body("value.currency", equalTo("EUR"))
                .body("value.qualifier", equalTo("NEARLY"))
                .body("period.kind", equalTo("CUMULATIVE_SINCE"))
                .body("period.start", equalTo("2005-01-01"))
                .body("period.end", equalTo("2019-06-30"))
                .body("period.since", equalTo("2005"))
                .body("funders[1].amount", equalTo("12000000.50"))
                .body("source.publishedOn", equalTo("2019-07-01"))
                .body("version", equalTo(1))
                .extract().path("id");
        given().get("/api/funding-figures/" + id).then().statusCode(200)
                .header("ETag", containsString("1"))
                .body("value.amount", equalTo("1900000000"))
                .body("funders.name", hasItems("FUI", "ERDF"))
                .body("note", equalTo("close to 1.9 billion"));
    }

    @Test
    void anAsOfPeriodHasNoStart() {
        post(count(paris, "jobs-created", "ACTUAL", 120, asOf("2018-12-31"), "As-of test")).statusCode(201)
                .body("period.kind", equalTo("AS_OF"))
                .body("period.start", nullValue())
                .body("period.end", equalTo("2018-12-31"))
                .body("period.date", equalTo("2018-12-31"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"fiscalYears\": {\"from\": \"FY2013\", \"to\": \"FY2017\"}}|fy-object",
            "{\"kind\": \"SPAN\", \"fiscalYears\": {\"from\": \"平成25年度\", \"to\": \"平成29年度\"}}|heisei-object",
            "{\"kind\": \"SPAN\", \"fiscalYears\": \"平成25～29年度\"}|heisei-range",
            "{\"kind\": \"SPAN\", \"fiscalYears\": {\"from\": \"2013年度\", \"to\": \"H29\"}}|mixed",
            "{\"kind\": \"SPAN\", \"fiscalYears\": \"FY2013-FY2017\"}|fy-range" })
    void japaneseFiscalYearsBecomeAprilToMarchSpans(String period, String label) {
        post(count(kobe, "commercialisations", "TARGET", 13, period, "Fiscal " + label)).statusCode(201)
                .body("period.kind", equalTo("SPAN"))
                .body("period.start", equalTo("2013-04-01"))
                .body("period.end", equalTo("2018-03-31"))
                .body("period.fiscalYears.from", equalTo("FY2013"))
                .body("period.fiscalYears.to", equalTo("FY2017"));
    }

    @Test
    void oneFiscalYearIsAprilToMarch() {
        post(count(kobe, "commercialisations", "ACTUAL", 2, "{\"fiscalYears\": \"令和2年度\"}", "Reiwa test"))
                .statusCode(201)
                .body("period.start", equalTo("2020-04-01"))
                .body("period.end", equalTo("2021-03-31"));
    }

    @Test
    void aRepresentationReadBackCanBeSentAgainAsACorrection() {
        String id = create(count(kobe, "companies-created", "ACTUAL", 4,
                "{\"fiscalYears\": {\"from\": \"FY2014\", \"to\": \"FY2014\"}}", "Round trip test"));
        var current = given().get("/api/funding-figures/" + id).then().extract().body().asString();
        String resent;
        try {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(current);
            node.remove(java.util.List.of("id", "unit", "version", "recordedAt", "createdBy", "updatedAt",
                    "updatedBy"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) node.get("value")).put("count", 5);
            resent = node.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(resent)
                .put("/api/funding-figures/" + id).then().statusCode(200)
                .body("value.count", equalTo(5))
                .body("period.fiscalYears.from", equalTo("FY2014"))
                .body("version", equalTo(2));
    }

    @Test
    void amountsAreExactWhetherSentAsStringsOrNumbers() {
        String thirty = "123456789012345678901234567890.12";
        post(money(paris, "public-funding", "ACTUAL", "\"" + thirty + "\"", "EUR", asOf("2017-12-31"), "Big string"))
                .statusCode(201).body("value.amount", equalTo(thirty));
        post(money(paris, "public-funding", "ACTUAL", thirty, "EUR", asOf("2016-12-31"), "Big number"))
                .statusCode(201).body("value.amount", equalTo(thirty));
        post(money(paris, "public-funding", "ACTUAL", "0.10", "EUR", asOf("2015-12-31"), "Ten cents"))
                .statusCode(201).body("value.amount", equalTo("0.10"));
        post(money(kobe, "public-funding", "ACTUAL", "1e9", "JPY", asOf("2015-12-31"), "Exponent"))
                .statusCode(201).body("value.amount", equalTo("1000000000"));
    }

    @Test
    void aClusterUnknownToTheViewIsUnprocessable() {
        post(count(UUID.randomUUID(), "projects-certified", "ACTUAL", 1, asOf("2019-01-01"), "Unknown cluster"))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("clusterId"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "unknown-indicator|{\"count\": 1}|indicator",
            "total-investment|{\"count\": 1}|value.count",
            "projects-certified|{\"amount\": \"1\", \"currency\": \"EUR\"}|value.amount",
            "projects-certified|{\"count\": -1}|value.count",
            "projects-certified|{\"count\": 3.5}|value.count",
            "projects-certified|{\"count\": 1e30}|value.count",
            "projects-certified|{}|value.count",
            "total-investment|{\"amount\": \"-5\", \"currency\": \"EUR\"}|value.amount",
            "total-investment|{\"amount\": \"0.001\", \"currency\": \"EUR\"}|value.amount",
            "total-investment|{\"amount\": \"1.5\", \"currency\": \"JPY\"}|value.amount",
            "total-investment|{\"amount\": 1e999999999, \"currency\": \"EUR\"}|value.amount",
            "total-investment|{\"amount\": \"1\", \"currency\": \"XYZ\"}|value.currency",
            "total-investment|{\"amount\": \"1\", \"currency\": \"eur\"}|value.currency",
            "total-investment|{\"amount\": \"1\"}|value.currency",
            "total-investment|{\"amount\": \"abc\", \"currency\": \"EUR\"}|value.amount",
            "total-investment|{\"amount\": \"1\", \"currency\": \"EUR\", \"qualifier\": \"ROUGHLY\"}|value.qualifier" })
    void valuesBreakingTheRulesAreRejectedNamingTheField(String indicator, String value, String field) {
        post(body(paris, indicator, "ACTUAL", value, asOf("2019-01-01"), "Rule " + field)).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"kind\": \"SPAN\", \"start\": \"2019-01-01\", \"end\": \"2018-01-01\"}|period.end",
            "{\"kind\": \"SPAN\", \"start\": \"2019-01-01\"}|period.end",
            "{\"kind\": \"AS_OF\", \"date\": \"2019-02-30\"}|period.date",
            "{\"kind\": \"AS_OF\"}|period.date",
            "{\"kind\": \"AS_OF\", \"date\": \"2019-01-01\", \"since\": \"2005\"}|period.since",
            "{\"kind\": \"CUMULATIVE_SINCE\", \"asOf\": \"2019-01-01\"}|period.since",
            "{\"kind\": \"CUMULATIVE_SINCE\", \"since\": \"20055\", \"asOf\": \"2019-01-01\"}|period.since",
            "{\"kind\": \"CUMULATIVE_SINCE\", \"since\": \"2020\", \"asOf\": \"2019-01-01\"}|period.since",
            "{\"kind\": \"CUMULATIVE_SINCE\", \"since\": \"2005\"}|period.asOf",
            "{\"fiscalYears\": {\"from\": \"FY2017\", \"to\": \"FY2013\"}}|period.fiscalYears.to",
            "{\"fiscalYears\": {\"from\": \"平成xx年度\", \"to\": \"FY2013\"}}|period.fiscalYears.from",
            "{\"kind\": \"SPAN\", \"fiscalYears\": {\"from\": \"FY2013\", \"to\": \"FY2013\"}, \"end\": \"2015-01-01\"}|period.end",
            "{\"kind\": \"SOMETIMES\", \"date\": \"2019-01-01\"}|period.kind",
            "{\"kind\": \"AS_OF\", \"date\": \"2100-01-01\"}|period.end" })
    void malformedPeriodsAreRejectedNamingTheField(String period, String field) {
        post(count(paris, "projects-certified", "ACTUAL", 1, period, "Period " + field)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void aTargetMayLieInTheFuture() {
        post(count(paris, "jobs-created", "TARGET", 500, span("2025-01-01", "2030-12-31"), "Future target"))
                .statusCode(201);
    }

    @Test
    void theSourceDocumentIsRequired() {
        String noSource = """
                {"clusterId": "%s", "indicator": "projects-certified", "nature": "ACTUAL", "value": {"count": 1},
                 "period": {"kind": "AS_OF", "date": "2019-01-01"}}""".formatted(paris);
        post(noSource).statusCode(400).body("errors.field", hasItem("source"));
        String noTitle = noSource.replace("}}", "}, \"source\": {\"publisher\": \"x\"}}");
        post(noTitle).statusCode(400).body("errors.field", hasItem("source.title"));
        String badDate = noSource.replace("}}", "}, \"source\": {\"title\": \"x\", \"publishedOn\": \"2020-13\"}}");
        post(badDate).statusCode(400).body("errors.field", hasItem("source.publishedOn"));
    }

    @ParameterizedTest
    @CsvSource({ "en, 201", "ja, 201", "zh-Hant-TW, 201", "fr-BE, 201", "en_GB, 400", "e, 400", "x-private, 400",
            "'', 400", "en-, 400" })
    void theSourceLanguageIsABcp47Tag(String language, int status) {
        String body = count(paris, "products-launched", "ACTUAL", 1, asOf("2019-01-01"), "Language " + language)
                .replace("\"language\": \"en\"", "\"language\": \"" + language + "\"");
        var response = post(body).statusCode(status);
        if (status == 400) {
            response.body("errors.find { it.field == 'source.language' }.message",
                    equalTo("must be a BCP-47 language tag such as en or ja"));
        }
    }

    @Test
    void badJsonNeverGivesA500() {
        post("{not json").statusCode(400).contentType("application/problem+json");
        post("[]").statusCode(400);
        post("{\"clusterId\": \"not-a-uuid\"}").statusCode(400);
        post(count(paris, "projects-certified", "ACTUAL", 1, asOf("2019-01-01"), "x").replace("\"nature\"",
                "\"colour\": 1, \"nature\"")).statusCode(400).body("errors.field", hasItem("colour"));
        post(count(paris, "projects-certified", "SOMETIMES", 1, asOf("2019-01-01"), "x")).statusCode(400)
                .body("errors.field", hasItem("nature"));
        post(count(paris, "projects-certified", "ACTUAL", 1, asOf("2019-01-01"), "x").replace("\"funders\"", "")
                .replace("\"source\"", "\"funders\": [{\"name\": \"\"}], \"source\"")).statusCode(400)
                .body("errors.field", hasItem("funders[0].name"));
        given().get("/api/funding-figures/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/funding-figures/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theSameReportTwiceIsAConflictButAnotherSourceIsAnotherReport() {
        String report = count(paris, "products-launched", "ACTUAL", 68, asOf("2019-03-31"), "Duplicate test");
        create(report);
        post(report).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("PUT"));
        post(report.replace("\"count\": 68", "\"count\": 69")).statusCode(409);
        create(report.replace("Duplicate test", "Another document"));
        create(report.replace("\"ACTUAL\"", "\"TARGET\""));
    }

    @Test
    void theListFiltersByClusterIndicatorNatureDatesAndCountryAndPages() {
        UUID lyon = ClusterEvents.register("api-lyon-" + UUID.randomUUID(), "Lyon test cluster", null, "FR");
        UUID osaka = ClusterEvents.register("api-osaka-" + UUID.randomUUID(), "Osaka test cluster", null, "JP");
        for (int year = 2010; year < 2015; year++) {
            create(count(lyon, "projects-certified", "ACTUAL", year - 2000, asOf(year + "-12-31"), "List " + year));
        }
        create(count(lyon, "projects-certified", "TARGET", 50, asOf("2030-12-31"), "List target"));
        create(money(lyon, "total-investment", "ACTUAL", "\"5\"", "EUR", asOf("2014-12-31"), "List money"));
        create(count(osaka, "projects-certified", "ACTUAL", 3, asOf("2012-12-31"), "List osaka"));

        given().queryParam("clusterId", lyon.toString()).get("/api/funding-figures").then().statusCode(200)
                .body("total", equalTo(7)).body("items", hasSize(7))
                .body("items[0].period.end", equalTo("2030-12-31"));
        given().queryParam("clusterId", lyon.toString()).queryParam("indicator", "projects-certified")
                .queryParam("nature", "ACTUAL").queryParam("from", "2011-01-01").queryParam("to", "2013-12-31")
                .get("/api/funding-figures").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.value.count", equalTo(java.util.List.of(13, 12, 11)));
        given().queryParam("clusterId", lyon.toString()).queryParam("size", "2").queryParam("page", "1")
                .get("/api/funding-figures").then().statusCode(200)
                .body("total", equalTo(7)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("items", hasSize(2));
        given().queryParam("country", "jp").queryParam("indicator", "projects-certified")
                .queryParam("from", "2012-12-31").queryParam("to", "2012-12-31")
                .get("/api/funding-figures").then().statusCode(200)
                .body("items.clusterId", hasItem(osaka.toString()))
                .body("items.clusterId", org.hamcrest.Matchers.not(hasItem(lyon.toString())));
        String slug = ClusterEvents.view(osaka).slug;
        given().queryParam("clusterId", slug).get("/api/funding-figures").then().statusCode(200)
                .body("total", equalTo(1));
        given().queryParam("clusterId", "no-such-cluster").get("/api/funding-figures").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "page|-1", "size|0", "size|201", "size|many", "from|2019-13-01",
            "to|yesterday", "nature|SOMETIMES", "indicator|nothing", "country|FRA", "clusterId|Not A Slug!",
            "updatedSince|yesterday", "updatedSince|2026-13-01T00:00:00Z" })
    void badListParametersAreA400NamingTheParameter(String name, String value) {
        given().queryParam(name, value).get("/api/funding-figures").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(name));
    }

    @Test
    void updatedSinceKeepsWhatChangedAtOrAfterItAndCombinesWithOtherFilters() {
        UUID nagoya = ClusterEvents.register("api-nagoya-" + UUID.randomUUID(), "Nagoya test cluster", null, "JP");
        String report = count(nagoya, "projects-certified", "ACTUAL", 7, asOf("2019-12-31"), "Sync actual");
        String actual = create(report);
        create(count(nagoya, "projects-certified", "TARGET", 9, asOf("2030-12-31"), "Sync target"));
        Instant recorded = updatedAt(actual);

        since(nagoya, recorded.minusMillis(1)).get("/api/funding-figures").then().statusCode(200)
                .body("total", equalTo(2));
        since(nagoya, recorded).queryParam("nature", "ACTUAL").get("/api/funding-figures").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(actual));
        since(nagoya, recorded.plus(1, ChronoUnit.MICROS)).queryParam("nature", "ACTUAL")
                .get("/api/funding-figures").then().body("total", equalTo(0));
        since(nagoya, recorded.plusNanos(1)).queryParam("nature", "ACTUAL").get("/api/funding-figures").then()
                .body("total", equalTo(0));

        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(report.replace("7}", "8}"))
                .put("/api/funding-figures/" + actual).then().statusCode(200).body("version", equalTo(2));
        Instant corrected = updatedAt(actual);
        since(nagoya, recorded.plus(1, ChronoUnit.MICROS)).queryParam("nature", "ACTUAL")
                .get("/api/funding-figures").then().body("total", equalTo(1)).body("items[0].id", equalTo(actual))
                .body("items[0].value.count", equalTo(8));
        since(nagoya, corrected).queryParam("indicator", "projects-certified").get("/api/funding-figures").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(actual));
        since(nagoya, corrected.plus(1, ChronoUnit.MICROS)).get("/api/funding-figures").then()
                .body("total", equalTo(0));
        String inTokyo = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(corrected,
                ZoneOffset.ofHours(9)));
        given().queryParam("clusterId", nagoya.toString()).queryParam("updatedSince", inTokyo)
                .get("/api/funding-figures").then().statusCode(200).body("total", equalTo(1));
        given().urlEncodingEnabled(false).get("/api/funding-figures?clusterId=" + nagoya + "&updatedSince="
                + inTokyo).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void anUpdatedSinceThatIsNotAnInstantNamesTheParameterAndGivesAnExample() {
        for (String bad : java.util.List.of("yesterday", "2026-13-01T00:00:00Z", "2026-01-31", "2026-01-31T00:00:00",
                "1769817600")) {
            given().queryParam("updatedSince", bad).queryParam("nature", "ACTUAL").get("/api/funding-figures")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(java.util.List.of("updatedSince")))
                    .body("errors[0].message", containsString("2026-01-31T00:00:00Z"));
        }
        given().queryParam("clusterId", "no-such-cluster").queryParam("updatedSince", "yesterday")
                .get("/api/funding-figures").then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
    }

    private static Instant updatedAt(String id) {
        return Instant.parse(given().get("/api/funding-figures/" + id).then().statusCode(200).extract()
                .<String> path("updatedAt"));
    }

    private static io.restassured.specification.RequestSpecification since(UUID cluster, Instant updatedSince) {
        return given().queryParam("clusterId", cluster.toString()).queryParam("updatedSince", updatedSince.toString());
    }
}

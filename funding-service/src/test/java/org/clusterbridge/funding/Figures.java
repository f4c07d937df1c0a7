package org.clusterbridge.funding;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Request bodies and calls shared by the tests. */
public final class Figures {

    private Figures() {
    }

    public static String count(UUID cluster, String indicator, String nature, long count, String period,
            String sourceTitle) {
        return body(cluster, indicator, nature, "{\"count\": " + count + "}", period, sourceTitle);
    }

    public static String money(UUID cluster, String indicator, String nature, String amount, String currency,
            String period, String sourceTitle) {
        return body(cluster, indicator, nature,
                "{\"amount\": " + amount + ", \"currency\": \"" + currency + "\"}", period, sourceTitle);
    }

    public static String body(UUID cluster, String indicator, String nature, String value, String period,
            String sourceTitle) {
        return """
                {"clusterId": "%s", "indicator": "%s", "nature": "%s", "value": %s, "period": %s,
                 "source": {"title": "%s", "publisher": "Test publisher", "language": "en", "publishedOn": "2020-02"}}
                """.formatted(cluster, indicator, nature, value, period, sourceTitle);
    }

    public static String asOf(String date) {
        return "{\"kind\": \"AS_OF\", \"date\": \"" + date + "\"}";
    }

    public static String span(String start, String end) {
        return "{\"kind\": \"SPAN\", \"start\": \"" + start + "\", \"end\": \"" + end + "\"}";
    }

    public static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/funding-figures").then();
    }

    public static String create(String body) {
        return post(body).statusCode(201).extract().path("id");
    }
}

package org.clusterbridge.cluster.api;

import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Browsers may call the API from the dashboards' configured origins only (CLUSTERBRIDGE_CORS_ORIGINS). */
@QuarkusTest
class CorsTest {

    private static final String DASHBOARD = "http://localhost:3000";

    @Test
    void aDashboardOriginMayPreflightAWriteWithItsTokenAndIfMatch() {
        RestAssured.given().auth().none().header("Origin", DASHBOARD)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/clusters/medicen-paris-region")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DASHBOARD))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("PUT"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("if-match"));
    }

    @Test
    void aDashboardReadExposesTheEtag() {
        RestAssured.given().header("Origin", DASHBOARD).get("/api/clusters")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DASHBOARD))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("etag"));
    }

    @Test
    void anyOtherOriginIsNotAllowed() {
        String elsewhere = "https://evil.example";
        RestAssured.given().auth().none().header("Origin", elsewhere)
                .header("Access-Control-Request-Method", "POST")
                .options("/api/clusters")
                .then().header("Access-Control-Allow-Origin", not(equalTo(elsewhere)))
                .header("Access-Control-Allow-Origin", not(equalTo("*")));
        RestAssured.given().header("Origin", elsewhere).get("/api/clusters")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }
}

package org.clusterbridge.cluster.api;

import java.util.Map;

import org.clusterbridge.testing.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** CLUSTERBRIDGE_METRICS_PROTECTED=true puts /q/metrics behind registry-admin; health and OpenAPI stay open. */
@QuarkusTest
@TestProfile(MetricsBehindAdminTest.MetricsProtected.class)
class MetricsBehindAdminTest {

    public static class MetricsProtected implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("CLUSTERBRIDGE_METRICS_PROTECTED", "true");
        }
    }

    @Test
    void metricsNeedAnAdminTokenWhileHealthAndOpenApiStayOpen() {
        RestAssured.given().auth().none().get("/q/metrics").then().statusCode(401);
        RestAssured.given().auth().oauth2(TestTokens.reader()).get("/q/metrics").then().statusCode(403);
        RestAssured.given().auth().oauth2(TestTokens.admin()).get("/q/metrics").then().statusCode(200);
        RestAssured.given().auth().none().get("/q/health/ready").then().statusCode(200);
        RestAssured.given().auth().none().get("/q/openapi").then().statusCode(200);
    }
}

package org.clusterbridge.funding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.clusterbridge.testing.OpenApiDrift;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The served OpenAPI document is contracts/openapi/funding-service.yaml, which partner systems code against. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theServedDocumentIsTheCommittedContract() throws IOException {
        OpenApiDrift.assertServedDocumentIsCommitted("funding-service");
        assertThat(given().accept("application/yaml").get("/q/openapi").then().extract().asString())
                .contains("/api/funding-figures/{id}/history", "/api/clusters/{clusterId}/funding-summary",
                        "/api/indicators");
    }
}

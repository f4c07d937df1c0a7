package org.clusterbridge.funding.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.clusterbridge.funding.RepositoryFiles;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The served OpenAPI document must equal contracts/openapi/funding-service.yaml, which partner systems code
 * against. After an intended API change, regenerate the file with
 * {@code ./mvnw -B -o -q -pl funding-service verify -Dtest=OpenApiContractTest -Dopenapi.update=true}
 * and commit it.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = RepositoryFiles.resolve("contracts/openapi/funding-service.yaml");

    @Test
    void theServedDocumentIsTheCommittedContract() throws IOException {
        String served = normalize(given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(CONTRACT.getParent());
            Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
        }
        assertThat(CONTRACT).as("committed OpenAPI document; create it with -Dopenapi.update=true").exists();
        assertThat(served).as("served /q/openapi differs from " + CONTRACT + "; regenerate with -Dopenapi.update=true")
                .isEqualTo(normalize(Files.readString(CONTRACT, StandardCharsets.UTF_8)));
        assertThat(served).contains("/api/funding-figures/{id}/history", "/api/clusters/{clusterId}/funding-summary",
                "/api/indicators");
    }

    private static String normalize(String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        return unix.endsWith("\n") ? unix : unix + "\n";
    }
}

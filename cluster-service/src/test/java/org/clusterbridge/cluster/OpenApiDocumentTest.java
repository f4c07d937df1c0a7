package org.clusterbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Partner systems code against contracts/openapi/cluster-service.yaml, so the served document must equal it.
 * After an intended API change, regenerate the file with
 * {@code ./mvnw -o -pl cluster-service verify -Dtest=OpenApiDocumentTest -Dopenapi.update=true} and commit it.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("..", "contracts", "openapi", "cluster-service.yaml");

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        String served = normalize(RestAssured.given().accept("application/yaml").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as(COMMITTED + " exists (run with -Dopenapi.update=true)").isTrue();
        assertThat(served).isEqualTo(normalize(Files.readString(COMMITTED, StandardCharsets.UTF_8)));
    }

    private static String normalize(String yaml) {
        String unix = yaml.replace("\r\n", "\n").replace('\r', '\n');
        return unix.endsWith("\n") ? unix : unix + "\n";
    }
}

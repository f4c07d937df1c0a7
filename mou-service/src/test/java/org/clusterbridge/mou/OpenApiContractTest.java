package org.clusterbridge.mou;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.clusterbridge.testing.EventSchemas;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Partner systems code against contracts/openapi/mou-service.yaml: the served document must not drift from it.
 * After an intended API change, regenerate the file with
 * {@code ./mvnw -o -pl mou-service verify -Dtest=OpenApiContractTest -Dopenapi.update=true} and commit it.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        String served = normalise(given().accept("application/yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        Path committed = EventSchemas.directory().getParent().resolve("openapi").resolve("mou-service.yaml");
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
        }
        assertThat(committed).as("run with -Dopenapi.update=true to create it").exists();
        assertThat(served).as("served /q/openapi differs from " + committed
                + "; regenerate with -Dopenapi.update=true if the change is intended")
                .isEqualTo(normalise(Files.readString(committed, StandardCharsets.UTF_8)));
    }

    private static String normalise(String yaml) {
        return yaml.replace("\r\n", "\n").strip() + "\n";
    }
}

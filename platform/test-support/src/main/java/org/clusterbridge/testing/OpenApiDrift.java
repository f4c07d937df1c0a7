package org.clusterbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.restassured.RestAssured;

/**
 * Partner systems code against {@code contracts/openapi/<service>.yaml}, so the document a service serves must
 * equal the committed one. After an intended API change, regenerate it with
 * {@code ./mvnw -pl <service> verify -Dtest=OpenApiDocumentTest -Dopenapi.update=true} and commit it.
 */
public final class OpenApiDrift {

    private OpenApiDrift() {
    }

    /** Fails when the document served at {@code /q/openapi} differs from the committed one of {@code service}. */
    public static void assertServedDocumentIsCommitted(String service) throws IOException {
        Path committed = RepositoryFiles.resolve("contracts/openapi/" + service + ".yaml");
        String served = normalize(RestAssured.given().accept("application/yaml").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(committed)).as(committed + " exists (run with -Dopenapi.update=true)").isTrue();
        assertThat(served).isEqualTo(normalize(Files.readString(committed, StandardCharsets.UTF_8)));
    }

    private static String normalize(String yaml) {
        String unix = yaml.replace("\r\n", "\n").replace('\r', '\n');
        return unix.endsWith("\n") ? unix : unix + "\n";
    }
}

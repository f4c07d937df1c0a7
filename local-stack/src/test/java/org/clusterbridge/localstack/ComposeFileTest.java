package org.clusterbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** docker-compose.yml cannot run here; this keeps it from rotting. */
class ComposeFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Path root = Path.of("..").toAbsolutePath().normalize();
    private final String kafkaVersion = System.getProperty("kafka.version");
    private JsonNode compose;

    @BeforeEach
    void read() throws IOException {
        compose = YAML.readTree(Files.readString(root.resolve("docker-compose.yml")));
    }

    @Test
    void theComposeFileRunsEveryServiceOnOfficialImagesWithHealthChecksAndStartOrder() {
        assertThat(kafkaVersion).isNotBlank();
        assertThat(ComposeFileCheck.problems(compose, root, kafkaVersion)).isEmpty();
    }

    @Test
    void aMissingHealthCheckIsCaught() {
        ((ObjectNode) compose.path("services").path("postgres")).remove("healthcheck");
        assertThat(ComposeFileCheck.problems(compose, root, kafkaVersion)).containsExactly("postgres: no health check");
    }

    @Test
    void aDependencyThatIsOnlyStartedIsCaught() {
        ((ObjectNode) compose.path("services").path("mou-service").path("depends_on").path("mongo"))
                .put("condition", "service_started");
        assertThat(ComposeFileCheck.problems(compose, root, kafkaVersion))
                .containsExactly("mou-service: must depend on mongo with condition service_healthy");
    }

    @Test
    void aWrongImageAPortAndAMissingServiceAreCaught() {
        ObjectNode services = (ObjectNode) compose.path("services");
        ((ObjectNode) services.path("kafka")).put("image", "bitnami/kafka:latest");
        ((ArrayNode) services.path("funding-service").path("ports")).removeAll();
        services.remove("mongo");
        assertThat(ComposeFileCheck.problems(compose, root, kafkaVersion)).contains(
                "kafka: image bitnami/kafka:latest is not a pinned official apache/kafka image",
                "funding-service: port mapping 8083:8083 missing")
                .anyMatch(problem -> problem.startsWith("services are "));
    }

    @Test
    void aServiceReachingAStoreItDoesNotWaitForIsCaught() {
        ((ObjectNode) compose.path("services").path("cluster-service").path("depends_on")).remove("postgres");
        assertThat(ComposeFileCheck.problems(compose, root, kafkaVersion)).contains(
                "cluster-service: must depend on postgres with condition service_healthy",
                "cluster-service: QUARKUS_DATASOURCE_JDBC_URL uses postgres without depending on it");
    }
}

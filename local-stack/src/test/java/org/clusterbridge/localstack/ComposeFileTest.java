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

    @Test
    void aServiceThatDoesNotWaitForKeycloakIsCaught() {
        ((ObjectNode) compose.path("services").path("mou-service").path("depends_on")).remove("keycloak");
        assertThat(ComposeFileCheck.problems(compose, root, kafkaVersion)).containsExactlyInAnyOrder(
                "mou-service: must depend on keycloak with condition service_healthy",
                "mou-service: MP_JWT_VERIFY_PUBLICKEY_LOCATION uses keycloak without depending on it");
    }

    @Test
    void anIssuerOrKeysOtherThanKeycloaksAreCaught() {
        ObjectNode environment = (ObjectNode) compose.path("services").path("funding-service").path("environment");
        environment.put("MP_JWT_VERIFY_ISSUER", "http://keycloak:8080/realms/clusterbridge");
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "http://localhost:8180/realms/clusterbridge/protocol/openid-connect/certs");
        ((ObjectNode) compose.path("services").path("cluster-service").path("environment"))
                .remove("CLUSTERBRIDGE_CORS_ORIGINS");
        assertThat(ComposeFileCheck.problems(compose, root, kafkaVersion)).containsExactlyInAnyOrder(
                "funding-service: MP_JWT_VERIFY_ISSUER is 'http://keycloak:8080/realms/clusterbridge', expected "
                        + "http://localhost:8180/realms/clusterbridge",
                "funding-service: MP_JWT_VERIFY_PUBLICKEY_LOCATION points at localhost inside a container",
                "funding-service: MP_JWT_VERIFY_PUBLICKEY_LOCATION is "
                        + "'http://localhost:8180/realms/clusterbridge/protocol/openid-connect/certs', expected "
                        + "http://keycloak:8080/realms/clusterbridge/protocol/openid-connect/certs",
                "cluster-service: CLUSTERBRIDGE_CORS_ORIGINS missing");
    }

    @Test
    void aKeycloakOnLatestWithACurlHealthCheckAndNoFixedFrontEndIsCaught() {
        ObjectNode keycloak = (ObjectNode) compose.path("services").path("keycloak");
        keycloak.put("image", "quay.io/keycloak/keycloak:latest");
        ((ObjectNode) keycloak.path("healthcheck")).putArray("test").add("CMD").add("curl").add("-f")
                .add("http://localhost:8080/health/ready");
        ((ObjectNode) keycloak.path("environment")).remove("KC_HOSTNAME_BACKCHANNEL_DYNAMIC");
        assertThat(ComposeFileCheck.problems(compose, root, kafkaVersion)).containsExactlyInAnyOrder(
                "keycloak: image quay.io/keycloak/keycloak:latest is not a pinned official quay.io/keycloak/keycloak image",
                "keycloak: image quay.io/keycloak/keycloak:latest is not an exact Keycloak 26.x.y version"
                        + " (the realm file and the hostname options are those of Keycloak 26)",
                "keycloak: the health check must ask the management port 9000 for /health/ready over bash's"
                        + " /dev/tcp (the image has no curl)",
                "keycloak: KC_HOSTNAME_BACKCHANNEL_DYNAMIC must be true for the services' back channel");
    }

    @Test
    void aKeycloakWithoutItsRealmIsCaught() {
        ObjectNode keycloak = (ObjectNode) compose.path("services").path("keycloak");
        keycloak.putArray("command").add("start-dev");
        keycloak.putArray("volumes").add("./deploy/keycloak/missing-realm.json:/opt/keycloak/data/import/realm.json");
        assertThat(ComposeFileCheck.problems(compose, root, kafkaVersion)).containsExactlyInAnyOrder(
                "keycloak: must run start-dev --import-realm, not [start-dev]",
                "keycloak: mount ./deploy/keycloak/missing-realm.json read-only",
                "keycloak: no realm file is mounted into /opt/keycloak/data/import/",
                "keycloak: mounts ./deploy/keycloak/missing-realm.json, which does not exist");
    }

    @Test
    void aDashboardThatSignsInAtTheWrongRealmOrWithAnotherSecretIsCaught() {
        ObjectNode environment = (ObjectNode) compose.path("services").path("dashboard").path("environment");
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:8180/realms/clusterbridge");
        environment.put("DASHBOARD_CLIENT_SECRET", "dev-only-something-else");
        environment.remove("QUARKUS_OIDC_TENANT_ENABLED");
        environment.put("DASHBOARD_CSP_FORM_ACTION", "'self'");
        environment.put("DASHBOARD_REGISTRY_MOU_SERVICE", "http://localhost:8082");
        ((ObjectNode) compose.path("services").path("dashboard").path("depends_on")).remove("keycloak");
        assertThat(ComposeFileCheck.problems(compose, root, kafkaVersion)).containsExactlyInAnyOrder(
                "dashboard: must depend on keycloak with condition service_healthy",
                "dashboard: DASHBOARD_REGISTRY_MOU_SERVICE is 'http://localhost:8082', expected http://mou-service:8082",
                "dashboard: QUARKUS_OIDC_AUTH_SERVER_URL is 'http://localhost:8180/realms/clusterbridge', expected "
                        + "http://keycloak:8080/realms/clusterbridge (discovery and tokens over the compose network)",
                "dashboard: DASHBOARD_CLIENT_SECRET is not the realm's dashboard client secret",
                "dashboard: QUARKUS_OIDC_TENANT_ENABLED must be true (sign-in through Keycloak)",
                "dashboard: DASHBOARD_CSP_FORM_ACTION must allow 'self' and http://localhost:8180 (sign-out "
                        + "redirects to Keycloak's logout page)");
    }
}

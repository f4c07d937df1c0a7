package org.clusterbridge.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What {@code docker-compose.yml} must hold, checked without a Docker engine: the services and their official
 * images, the host ports of the local stack, a health check on every container, start order on healthy
 * dependencies, named volumes, KRaft mode, and services that reach their stores by service name. Keycloak issues
 * the services' tokens: it imports the realm file, its fixed front-end URL is the issuer the services expect, and
 * the services fetch its keys by service name. The dashboard signs people in through it (the realm's dashboard
 * client and its secret, discovery over the back channel) and reads the three services by service name.
 */
final class ComposeFileCheck {

    /** {@code keepsData}: its data lives in a named volume (Keycloak's development realm is imported afresh). */
    record Infra(String image, String port, boolean keepsData) {
    }

    record App(int port, Set<String> dependsOn) {
    }

    static final String KEYCLOAK = "keycloak";
    /** Where the official image imports realms from with {@code --import-realm}. */
    static final String REALM_IMPORT_FOLDER = "/opt/keycloak/data/import/";
    static final String JWKS_VARIABLE = "MP_JWT_VERIFY_PUBLICKEY_LOCATION";
    static final String ISSUER_VARIABLE = "MP_JWT_VERIFY_ISSUER";
    static final String CORS_VARIABLE = "CLUSTERBRIDGE_CORS_ORIGINS";
    /**
     * Variables whose values are names rather than addresses a container connects to: the issuer a token carries
     * (fetched from the host) and the origins of the browsers' pages. They may say localhost.
     */
    static final Set<String> NOT_ADDRESSES = Set.of(ISSUER_VARIABLE, CORS_VARIABLE);

    private static final ObjectMapper JSON = new ObjectMapper();

    static final Map<String, Infra> INFRASTRUCTURE = Map.of(
            "kafka", new Infra("apache/kafka", "9092:9092", true),
            "postgres", new Infra("postgres", "5433:5432", true),
            "mongo", new Infra("mongo", "27017:27017", true),
            KEYCLOAK, new Infra("quay.io/keycloak/keycloak", "8180:8080", false));

    static final String DASHBOARD = "dashboard";
    static final App DASHBOARD_APP = new App(8080, Set.of("cluster-service", "mou-service", "funding-service",
            KEYCLOAK));
    /** The dashboard's settings: where each service is, the realm (back channel) and the client secret. */
    static final Map<String, String> DASHBOARD_REGISTRY = Map.of(
            "cluster-service", "DASHBOARD_REGISTRY_CLUSTER_SERVICE",
            "mou-service", "DASHBOARD_REGISTRY_MOU_SERVICE",
            "funding-service", "DASHBOARD_REGISTRY_FUNDING_SERVICE");
    static final String DASHBOARD_REALM_VARIABLE = "QUARKUS_OIDC_AUTH_SERVER_URL";
    static final String DASHBOARD_SECRET_VARIABLE = "DASHBOARD_CLIENT_SECRET";
    static final String DASHBOARD_FORM_ACTION_VARIABLE = "DASHBOARD_CSP_FORM_ACTION";

    static final Map<String, App> SERVICES = Map.of(
            "cluster-service", new App(8081, Set.of("kafka", "postgres", KEYCLOAK)),
            "mou-service", new App(8082, Set.of("kafka", "mongo", KEYCLOAK)),
            "funding-service", new App(8083, Set.of("kafka", "postgres", KEYCLOAK)));

    private ComposeFileCheck() {
    }

    static List<String> problems(JsonNode compose, Path root, String kafkaVersion) {
        List<String> problems = new ArrayList<>();
        JsonNode services = compose.path("services");
        Set<String> expected = new HashSet<>(INFRASTRUCTURE.keySet());
        expected.addAll(SERVICES.keySet());
        expected.add(DASHBOARD);
        Set<String> actual = new HashSet<>();
        services.fieldNames().forEachRemaining(actual::add);
        if (!actual.equals(expected)) {
            problems.add("services are " + actual + ", expected " + expected);
        }
        Set<String> declaredVolumes = new HashSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declaredVolumes::add);

        INFRASTRUCTURE.forEach((name, infra) -> {
            JsonNode service = services.path(name);
            if (service.isMissingNode()) {
                return;
            }
            String image = service.path("image").asText();
            if (!image.startsWith(infra.image() + ":") || image.endsWith(":latest")) {
                problems.add(name + ": image " + image + " is not a pinned official " + infra.image() + " image");
            }
            checkPorts(problems, name, service, infra.port());
            checkHealth(problems, name, service);
            if (infra.keepsData() && !service.has("volumes")) {
                problems.add(name + ": keeps no data in a named volume");
            }
        });
        JsonNode kafka = services.path("kafka");
        if (!kafka.path("image").asText().equals("apache/kafka:" + kafkaVersion)) {
            problems.add("kafka: image must be apache/kafka:" + kafkaVersion + ", the version of the clients");
        }
        String roles = kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText();
        if (!roles.contains("broker") || !roles.contains("controller")) {
            problems.add("kafka: not in KRaft mode (KAFKA_PROCESS_ROLES=" + roles + ")");
        }

        Keycloak keycloak = checkKeycloak(problems, services.path(KEYCLOAK), root);

        SERVICES.forEach((name, app) -> {
            JsonNode service = services.path(name);
            if (service.isMissingNode()) {
                return;
            }
            checkPorts(problems, name, service, app.port() + ":" + app.port());
            checkHealth(problems, name, service);
            checkBuild(problems, name, service, root, app.port());
            for (String dependency : app.dependsOn()) {
                String condition = service.path("depends_on").path(dependency).path("condition").asText();
                if (!condition.equals("service_healthy")) {
                    problems.add(name + ": must depend on " + dependency + " with condition service_healthy");
                }
            }
            Iterator<Map.Entry<String, JsonNode>> variables = service.path("environment").fields();
            while (variables.hasNext()) {
                Map.Entry<String, JsonNode> variable = variables.next();
                String value = variable.getValue().asText();
                for (String host : INFRASTRUCTURE.keySet()) {
                    boolean mentions = value.contains("//" + host + ":") || value.startsWith(host + ":");
                    if (mentions && !service.path("depends_on").has(host)) {
                        problems.add(name + ": " + variable.getKey() + " uses " + host + " without depending on it");
                    }
                }
                boolean local = value.contains("localhost") || value.contains("127.0.0.1");
                if (local && !NOT_ADDRESSES.contains(variable.getKey())) {
                    problems.add(name + ": " + variable.getKey() + " points at localhost inside a container");
                }
            }
            checkTokenSettings(problems, name, service.path("environment"), keycloak);
        });
        checkDashboard(problems, services.path(DASHBOARD), root, keycloak);

        services.fields().forEachRemaining(entry -> entry.getValue().path("volumes").forEach(volume -> {
            String source = volume.asText().split(":")[0];
            if (!source.startsWith(".") && !source.startsWith("/") && !declaredVolumes.contains(source)) {
                problems.add(entry.getKey() + ": volume " + source + " is not declared under volumes");
            }
            if (source.startsWith(".") && !Files.exists(root.resolve(source))) {
                problems.add(entry.getKey() + ": mounts " + source + ", which does not exist");
            }
        }));
        return problems;
    }

    /**
     * What the services must be told about Keycloak (where its keys are and the issuer its tokens carry), and the
     * dashboard (the realm over the back channel, the front end's origin, its client's secret in the realm file).
     */
    record Keycloak(String jwks, String issuer, String backChannelRealm, String frontEnd, String dashboardSecret) {
    }

    private static Keycloak checkKeycloak(List<String> problems, JsonNode service, Path root) {
        if (service.isMissingNode()) {
            return null;
        }
        String image = service.path("image").asText();
        if (!image.matches("quay\\.io/keycloak/keycloak:26\\.\\d+\\.\\d+")) {
            problems.add(KEYCLOAK + ": image " + image + " is not an exact Keycloak 26.x.y version"
                    + " (the realm file and the hostname options are those of Keycloak 26)");
        }
        List<String> command = new ArrayList<>();
        if (service.path("command").isArray()) {
            service.path("command").forEach(part -> command.add(part.asText()));
        } else {
            command.addAll(List.of(service.path("command").asText().trim().split("\\s+")));
        }
        if (command.isEmpty() || !command.get(0).equals("start-dev") || !command.contains("--import-realm")) {
            problems.add(KEYCLOAK + ": must run start-dev --import-realm, not " + command);
        }
        JsonNode environment = service.path("environment");
        for (String variable : List.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD")) {
            if (environment.path(variable).asText().isBlank()) {
                problems.add(KEYCLOAK + ": " + variable + " missing");
            }
        }
        if (!environment.path("KC_HEALTH_ENABLED").asText().equals("true")) {
            problems.add(KEYCLOAK + ": KC_HEALTH_ENABLED must be true, or /health/ready answers nothing");
        }
        String frontEnd = environment.path("KC_HOSTNAME").asText();
        if (!frontEnd.matches("https?://[^/]+")) {
            problems.add(KEYCLOAK + ": KC_HOSTNAME must be a full URL without a path, not '" + frontEnd + "'");
        }
        if (!environment.path("KC_HOSTNAME_BACKCHANNEL_DYNAMIC").asText().equals("true")) {
            problems.add(KEYCLOAK + ": KC_HOSTNAME_BACKCHANNEL_DYNAMIC must be true for the services' back channel");
        }
        String health = String.join(" ", textsOf(service.path("healthcheck").path("test")));
        if (!health.contains("/dev/tcp/localhost/9000") || !health.contains("/health/ready")) {
            problems.add(KEYCLOAK + ": the health check must ask the management port 9000 for /health/ready"
                    + " over bash's /dev/tcp (the image has no curl)");
        }

        String realm = null;
        String dashboardSecret = null;
        for (JsonNode volume : service.path("volumes")) {
            String[] parts = volume.asText().split(":");
            if (parts.length < 2 || !parts[1].startsWith(REALM_IMPORT_FOLDER) || !parts[1].endsWith(".json")) {
                continue;
            }
            if (parts.length < 3 || !parts[2].equals("ro")) {
                problems.add(KEYCLOAK + ": mount " + parts[0] + " read-only");
            }
            Path file = root.resolve(parts[0]);
            if (Files.isRegularFile(file)) {
                try {
                    JsonNode realmFile = JSON.readTree(file.toFile());
                    realm = realmFile.path("realm").asText(null);
                    for (JsonNode client : realmFile.path("clients")) {
                        if (client.path("clientId").asText().equals(DASHBOARD)) {
                            dashboardSecret = client.path("secret").asText(null);
                        }
                    }
                } catch (IOException e) {
                    problems.add(KEYCLOAK + ": realm file " + parts[0] + " is not JSON: " + e.getMessage());
                }
            }
        }
        if (realm == null) {
            problems.add(KEYCLOAK + ": no realm file is mounted into " + REALM_IMPORT_FOLDER);
            return null;
        }
        String containerPort = null;
        for (JsonNode port : service.path("ports")) {
            String[] parts = port.asText().split(":");
            containerPort = parts[parts.length - 1];
        }
        String backChannel = "http://" + KEYCLOAK + ":" + containerPort + "/realms/" + realm;
        return new Keycloak(backChannel + "/protocol/openid-connect/certs", frontEnd + "/realms/" + realm,
                backChannel, frontEnd, dashboardSecret);
    }

    private static void checkDashboard(List<String> problems, JsonNode service, Path root, Keycloak keycloak) {
        if (service.isMissingNode()) {
            return;
        }
        checkPorts(problems, DASHBOARD, service, DASHBOARD_APP.port() + ":" + DASHBOARD_APP.port());
        checkHealth(problems, DASHBOARD, service);
        checkBuild(problems, DASHBOARD, service, root, DASHBOARD_APP.port());
        for (String dependency : DASHBOARD_APP.dependsOn()) {
            if (!service.path("depends_on").path(dependency).path("condition").asText().equals("service_healthy")) {
                problems.add(DASHBOARD + ": must depend on " + dependency + " with condition service_healthy");
            }
        }
        JsonNode environment = service.path("environment");
        DASHBOARD_REGISTRY.forEach((name, variable) -> {
            String expected = "http://" + name + ":" + SERVICES.get(name).port();
            if (!environment.path(variable).asText().equals(expected)) {
                problems.add(DASHBOARD + ": " + variable + " is '" + environment.path(variable).asText()
                        + "', expected " + expected);
            }
        });
        if (keycloak == null) {
            return;
        }
        if (!environment.path("QUARKUS_OIDC_TENANT_ENABLED").asText().equals("true")) {
            problems.add(DASHBOARD + ": QUARKUS_OIDC_TENANT_ENABLED must be true (sign-in through Keycloak)");
        }
        String realm = environment.path(DASHBOARD_REALM_VARIABLE).asText();
        if (!realm.equals(keycloak.backChannelRealm())) {
            problems.add(DASHBOARD + ": " + DASHBOARD_REALM_VARIABLE + " is '" + realm + "', expected "
                    + keycloak.backChannelRealm() + " (discovery and tokens over the compose network)");
        }
        if (!environment.path(DASHBOARD_SECRET_VARIABLE).asText().equals(keycloak.dashboardSecret())) {
            problems.add(DASHBOARD + ": " + DASHBOARD_SECRET_VARIABLE + " is not the realm's dashboard client secret");
        }
        List<String> formAction = List.of(environment.path(DASHBOARD_FORM_ACTION_VARIABLE).asText().split("\\s+"));
        if (!formAction.contains("'self'") || !formAction.contains(keycloak.frontEnd())) {
            problems.add(DASHBOARD + ": " + DASHBOARD_FORM_ACTION_VARIABLE + " must allow 'self' and "
                    + keycloak.frontEnd() + " (sign-out redirects to Keycloak's logout page)");
        }
    }

    private static void checkTokenSettings(List<String> problems, String name, JsonNode environment,
            Keycloak keycloak) {
        if (keycloak == null) {
            return;
        }
        String jwks = environment.path(JWKS_VARIABLE).asText();
        if (!jwks.equals(keycloak.jwks())) {
            problems.add(name + ": " + JWKS_VARIABLE + " is '" + jwks + "', expected " + keycloak.jwks());
        }
        String issuer = environment.path(ISSUER_VARIABLE).asText();
        if (!issuer.equals(keycloak.issuer())) {
            problems.add(name + ": " + ISSUER_VARIABLE + " is '" + issuer + "', expected " + keycloak.issuer());
        }
        String origins = environment.path(CORS_VARIABLE).asText();
        if (origins.isBlank()) {
            problems.add(name + ": " + CORS_VARIABLE + " missing");
        }
        for (String origin : origins.split(",")) {
            if (!origin.isBlank() && !origin.trim().matches("https?://[^/*]+")) {
                problems.add(name + ": " + CORS_VARIABLE + " holds '" + origin.trim() + "', not an origin");
            }
        }
    }

    private static List<String> textsOf(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(part -> texts.add(part.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }

    private static void checkPorts(List<String> problems, String name, JsonNode service, String mapping) {
        boolean found = false;
        for (JsonNode port : service.path("ports")) {
            found |= port.asText().equals(mapping) || port.asText().equals("127.0.0.1:" + mapping);
        }
        if (!found) {
            problems.add(name + ": port mapping " + mapping + " missing");
        }
    }

    private static void checkHealth(List<String> problems, String name, JsonNode service) {
        JsonNode test = service.path("healthcheck").path("test");
        if (test.isMissingNode() || test.isEmpty() && test.asText().isBlank()
                || test.isArray() && test.get(0).asText().equals("NONE")) {
            problems.add(name + ": no health check");
        }
    }

    private static void checkBuild(List<String> problems, String name, JsonNode service, Path root, int port) {
        JsonNode build = service.path("build");
        Path context = root.resolve(build.path("context").asText("."));
        Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
        if (!context.normalize().endsWith(name)) {
            problems.add(name + ": must be built from its own folder, not " + build.path("context").asText());
        }
        if (!Files.exists(dockerfile)) {
            problems.add(name + ": Dockerfile " + dockerfile + " does not exist");
            return;
        }
        try {
            String text = Files.readString(dockerfile);
            if (!text.contains("EXPOSE " + port)) {
                problems.add(name + ": Dockerfile does not expose " + port);
            }
            if (!text.contains("quarkus-run.jar")) {
                problems.add(name + ": Dockerfile does not run the JVM-mode application");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

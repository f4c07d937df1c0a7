package org.clusterbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** No Kubernetes cluster runs here; this keeps deploy/kubernetes from rotting, with or without kubectl. */
class KubernetesManifestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path KUBECTL = Path.of("/usr/bin/kubectl");
    private final Path root = Path.of("..").toAbsolutePath().normalize();
    private final Path base = root.resolve("deploy/kubernetes");
    private final Path production = base.resolve("overlays/production");
    private final String kafkaVersion = System.getProperty("kafka.version");
    private JsonNode realm;
    private List<ObjectNode> objects;

    @BeforeEach
    void read() throws IOException {
        realm = JSON.readTree(root.resolve("deploy/keycloak/clusterbridge-realm.json").toFile());
        objects = Kustomization.render(production);
    }

    @Test
    void theBaseAndTheProductionOverlayRunTheServicesOnTheOperators() throws IOException {
        assertThat(kafkaVersion).isNotBlank();
        assertThat(problems(Kustomization.render(base))).isEmpty();
        assertThat(problems(objects)).isEmpty();
    }

    @Test
    @EnabledIf("kubectlInstalled")
    void kubectlRendersWhatTheCheckReads() throws Exception {
        for (Path folder : List.of(base, production)) {
            List<ObjectNode> rendered = kubectlKustomize(folder);
            assertThat(problems(rendered)).isEmpty();
            assertThat(byKindAndName(withoutHashes(rendered))).isEqualTo(byKindAndName(Kustomization.render(folder)));
        }
    }

    @Test
    void theOverlayResizesAndPinsTheBase() throws IOException {
        List<ObjectNode> rendered = Kustomization.render(base);
        JsonNode baseAutoscaler = new Manifests(rendered).one("HorizontalPodAutoscaler", "cluster-service");
        assertThat(baseAutoscaler.at("/spec/minReplicas").asInt()).isEqualTo(2);
        assertThat(baseAutoscaler.at("/spec/maxReplicas").asInt()).isEqualTo(4);
        assertThat(object("HorizontalPodAutoscaler", "cluster-service").at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(object("HorizontalPodAutoscaler", "cluster-service").at("/spec/maxReplicas").asInt()).isEqualTo(6);
        assertThat(object("KafkaNodePool", "broker").at("/spec/storage/volumes/0/size").asText()).isEqualTo("100Gi");
        ObjectNode container = container("mou-service");
        assertThat(container.path("image").asText()).isEqualTo("ghcr.io/clusterbridge/mou-service:1.0.0-SNAPSHOT");
        assertThat(container.at("/resources/limits/memory").asText()).isEqualTo("1Gi");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(object("Deployment", "mou-service").at("/metadata/namespace").asText()).isEqualTo("clusterbridge");
        assertThat(configMap("mou-service").path("QUARKUS_MONGODB_WRITE_CONCERN_W").asText()).isEqualTo("majority");
    }

    @Test
    void tooFewReplicasAndAnUnpinnedImageAreCaught() {
        at(object("HorizontalPodAutoscaler", "cluster-service"), "/spec").put("minReplicas", 1);
        at(object("Deployment", "funding-service"), "/spec").put("replicas", 1);
        container("mou-service").put("image", "ghcr.io/clusterbridge/mou-service:latest");
        assertThat(problems(objects)).containsExactlyInAnyOrder(
                "cluster-service: its HorizontalPodAutoscaler's minReplicas is 1, at least 2 are needed",
                "funding-service: replicas 1, at least 2 are needed",
                "mou-service: image ghcr.io/clusterbridge/mou-service:latest is not ghcr.io/clusterbridge/mou-service"
                        + " at a pinned tag or digest");
    }

    @Test
    void wrongProbesNoLimitsAndNoSpreadAreCaught() {
        ObjectNode container = container("mou-service");
        at(container, "/readinessProbe/httpGet").put("path", "/q/health");
        container.remove("livenessProbe");
        at(container, "/resources").remove("limits");
        at(object("Deployment", "mou-service"), "/spec/template/spec").remove("topologySpreadConstraints");
        assertThat(problems(objects)).containsExactlyInAnyOrder(
                "mou-service: no readinessProbe on /q/health/ready at port 8082",
                "mou-service: no livenessProbe on /q/health/live at port 8082",
                "mou-service: its container has no resources.limits.cpu, resources.limits.memory",
                "mou-service: its pods are not spread across nodes"
                        + " (topologySpreadConstraints on kubernetes.io/hostname)");
    }

    @Test
    void aServiceWithoutItsDisruptionBudgetAutoscalerOrNetworkPolicyIsCaught() {
        remove("PodDisruptionBudget", "mou-service");
        remove("HorizontalPodAutoscaler", "funding-service");
        remove("NetworkPolicy", "cluster-service");
        assertThat(problems(objects)).containsExactlyInAnyOrder(
                "mou-service: no PodDisruptionBudget selecting its pods",
                "funding-service: no HorizontalPodAutoscaler (autoscaling/v2) for its Deployment",
                "funding-service: replicas 1 (the default), at least 2 are needed",
                "cluster-service: no NetworkPolicy selecting its pods");
    }

    @Test
    void literalSecretsAreCaught() {
        ObjectNode password = (ObjectNode) container("funding-service").path("env").get(1);
        assertThat(password.path("name").asText()).isEqualTo("QUARKUS_DATASOURCE_PASSWORD");
        password.remove("valueFrom");
        password.put("value", "postgres");
        ObjectNode secret = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Secret");
        secret.putObject("metadata").put("name", "keycloak-realm-clients");
        secret.putObject("stringData").put("partner-system", "dev-only-partner-secret");
        objects.add(secret);
        at(object("KeycloakRealmImport", "clusterbridge-realm"), "/spec/realm/clients/0")
                .put("secret", "dev-only-partner-secret");
        configMap("cluster-service").put("QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://cluster:postgres@clusterbridge-postgres-rw:5432/cluster");
        assertThat(problems(objects)).containsExactlyInAnyOrder(
                "Deployment funding-service: QUARKUS_DATASOURCE_PASSWORD has a literal value",
                "funding-service: QUARKUS_DATASOURCE_PASSWORD is not read from a Secret (secretKeyRef)",
                "Secret keycloak-realm-clients: holds literal data; credentials come from the operators or are"
                        + " created at install time",
                "KeycloakRealmImport clusterbridge-realm: secret has a literal value",
                "ConfigMap cluster-service: a URL with a password in it",
                "cluster-service: QUARKUS_DATASOURCE_JDBC_URL is"
                        + " 'jdbc:postgresql://cluster:postgres@clusterbridge-postgres-rw:5432/cluster',"
                        + " expected jdbc:postgresql://clusterbridge-postgres-rw:5432/cluster");
    }

    @Test
    void topicsThatCouldLoseEventsAreCaught() {
        ObjectNode clusterEvents = at(object("KafkaTopic", "cluster-events"), "/spec");
        clusterEvents.put("replicas", 1);
        at(clusterEvents, "/config").put("cleanup.policy", "delete");
        at(object("KafkaTopic", "funding-events"), "/spec/config").remove("min.insync.replicas");
        remove("KafkaTopic", "agreement-events");
        at(object("KafkaNodePool", "broker"), "/spec").put("replicas", 1);
        assertThat(problems(objects)).containsExactlyInAnyOrder(
                "KafkaTopic cluster-events: replicas 1, expected 3",
                "KafkaTopic cluster-events: cleanup.policy is 'delete', expected compact",
                "no KafkaTopic (kafka.strimzi.io/v1beta2) for agreement-events",
                "KafkaTopic funding-events: min.insync.replicas is '', expected 2",
                "Kafka clusterbridge: its KafkaNodePools have 1 brokers, expected 3");
    }

    @Test
    void storesOfTheWrongShapeAreCaught() {
        at(object("Cluster", "clusterbridge-postgres"), "/spec").put("instances", 1);
        remove("Database", "clusterbridge-postgres-funding");
        ObjectNode mongo = at(object("MongoDBCommunity", "clusterbridge-mongodb"), "/spec");
        mongo.put("members", 1);
        mongo.remove("additionalConnectionStringConfig");
        assertThat(problems(objects)).containsExactlyInAnyOrder(
                "CloudNativePG Cluster clusterbridge-postgres: instances 1, expected 3",
                "no CloudNativePG database 'funding' (bootstrap.initdb, postInitSQL or a Database resource of a"
                        + " postgresql.cnpg.io/v1 Cluster)",
                "MongoDBCommunity clusterbridge-mongodb: a ReplicaSet of 1 members, expected a ReplicaSet of 3",
                "MongoDBCommunity clusterbridge-mongodb: the connection strings say w='', expected majority"
                        + " (additionalConnectionStringConfig)");
    }

    @Test
    void aKeycloakWithoutItsRealmIsCaught() {
        remove("KeycloakRealmImport", "clusterbridge-realm");
        at(object("Keycloak", "keycloak"), "/spec").put("instances", 1);
        assertThat(problems(objects)).containsExactlyInAnyOrder(
                "Keycloak keycloak: instances 1, expected at least 2",
                "no KeycloakRealmImport (k8s.keycloak.org/v2alpha1) for Keycloak keycloak");
    }

    @Test
    void aRealmImportThatDriftedFromTheDevelopmentRealmIsCaught() {
        ObjectNode spec = at(object("KeycloakRealmImport", "clusterbridge-realm"), "/spec");
        ((ArrayNode) spec.at("/realm/clients/0/defaultClientScopes")).remove(3);
        at(spec, "/placeholders").remove("REGISTRY_ADMIN_CLI_SECRET");
        assertThat(problems(objects)).containsExactlyInAnyOrder(
                "KeycloakRealmImport clusterbridge-realm: placeholder REGISTRY_ADMIN_CLI_SECRET is not filled from"
                        + " a Secret (spec.placeholders)",
                "KeycloakRealmImport clusterbridge-realm: the realm differs from"
                        + " deploy/keycloak/clusterbridge-realm.json at /clients/0/defaultClientScopes");
    }

    @Test
    void networkPoliciesThatLetTooMuchThroughAreCaught() throws IOException {
        ObjectNode policy = at(object("NetworkPolicy", "cluster-service"), "/spec");
        ((ArrayNode) policy.path("egress")).addObject();
        ((ArrayNode) policy.path("egress")).add(YAML.readTree(
                "{to: [{podSelector: {matchLabels: {app: clusterbridge-mongodb-svc}}}], ports: [{port: 27017}]}"));
        ((ArrayNode) policy.at("/ingress/0/ports")).addObject().put("port", 9000);
        ArrayNode mouEgress = (ArrayNode) object("NetworkPolicy", "mou-service").at("/spec/egress");
        mouEgress.remove(2);
        assertThat(problems(objects)).containsExactlyInAnyOrder(
                "cluster-service: its NetworkPolicy lets traffic out to any address or any port",
                "cluster-service: its NetworkPolicy lets it out to port 27017, which it does not need",
                "cluster-service: its NetworkPolicy admits port 9000 besides its HTTP port",
                "mou-service: its NetworkPolicy does not let it reach DNS on port 53");
    }

    @Test
    void settingsThatDoNotMatchTheOperatorsAreCaught() {
        ObjectNode shared = configMap("clusterbridge-services");
        shared.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        shared.put("CLUSTERBRIDGE_EVENTS_REPLICATION_FACTOR", "1");
        shared.remove("QUARKUS_SHUTDOWN_TIMEOUT");
        configMap("mou-service").remove("QUARKUS_MONGODB_WRITE_CONCERN_W");
        List<String> problems = problems(objects);
        assertThat(problems).hasSize(10).contains(
                "cluster-service: KAFKA_BOOTSTRAP_SERVERS is 'kafka:9092', expected clusterbridge-kafka-bootstrap:9092",
                "funding-service: CLUSTERBRIDGE_EVENTS_REPLICATION_FACTOR is '1', expected 3",
                "mou-service: QUARKUS_SHUTDOWN_TIMEOUT missing",
                "mou-service: QUARKUS_MONGODB_WRITE_CONCERN_W missing");
    }

    @Test
    void aShutdownLongerThanTheGracePeriodIsCaught() {
        at(object("Deployment", "cluster-service"), "/spec/template/spec").put("terminationGracePeriodSeconds", 30);
        container("mou-service").remove("lifecycle");
        assertThat(problems(objects)).containsExactlyInAnyOrder(
                "cluster-service: terminationGracePeriodSeconds 30 is shorter than the preStop pause (10 s) and"
                        + " QUARKUS_SHUTDOWN_TIMEOUT (25 s)",
                "mou-service: no preStop pause for the endpoints to drop the pod before it stops");
    }

    @Test
    void generatedConfigMapsMergeAndImagesTakeDigests(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("base"));
        Files.writeString(folder.resolve("base/settings.env"), "# a comment\nA=1\nB=2\n");
        Files.writeString(folder.resolve("base/pod.yaml"),
                "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n"
                        + "spec: {containers: [{name: c, image: 'registry/app:1'}]}\n");
        Files.writeString(folder.resolve("base/kustomization.yaml"),
                "resources: [pod.yaml]\nconfigMapGenerator: [{name: settings, envs: [settings.env]}]\n");
        Files.writeString(folder.resolve("kustomization.yaml"), "resources: [base]\nnamespace: n\n"
                + "configMapGenerator: [{name: settings, behavior: merge, literals: [B=3, C=4]}]\n"
                + "images: [{name: registry/app, digest: 'sha256:abc'}]\n");
        List<ObjectNode> rendered = Kustomization.render(folder);
        assertThat(rendered.get(1).path("data")).isEqualTo(JSON.readTree("{\"A\": \"1\", \"B\": \"3\", \"C\": \"4\"}"));
        assertThat(rendered.get(0).at("/spec/containers/0/image").asText()).isEqualTo("registry/app@sha256:abc");
        assertThat(rendered.get(0).at("/metadata/namespace").asText()).isEqualTo("n");
    }

    @Test
    void aKustomizationFieldTheCheckDoesNotBuildIsRefused(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("kustomization.yaml"), "resources: []\ncomponents:\n  - ../shared\n");
        assertThatThrownBy(() -> Kustomization.render(folder)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'components' is not built by this check");
    }

    private List<String> problems(List<? extends JsonNode> rendered) {
        return KubernetesManifestsCheck.problems(rendered, realm, kafkaVersion);
    }

    static boolean kubectlInstalled() {
        return Files.isExecutable(KUBECTL);
    }

    private static List<ObjectNode> kubectlKustomize(Path folder) throws Exception {
        Process kubectl = new ProcessBuilder(KUBECTL.toString(), "kustomize", folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).isZero();
        return Kustomization.documents(output, "kubectl kustomize " + folder);
    }

    /** kubectl names a generated ConfigMap {@code <name>-<hash>}, and every reference to it. */
    private static List<ObjectNode> withoutHashes(List<ObjectNode> rendered) {
        Map<String, String> names = new TreeMap<>();
        for (ObjectNode object : rendered) {
            String name = Manifests.name(object);
            if (object.path("kind").asText().equals("ConfigMap") && name.matches(".+-[a-z0-9]{10}")) {
                names.put(name, name.substring(0, name.length() - 11));
            }
        }
        rendered.forEach(object -> rename(object, names));
        return rendered;
    }

    private static void rename(JsonNode node, Map<String, String> names) {
        if (node instanceof ObjectNode object) {
            for (String field : object.properties().stream().map(Map.Entry::getKey).toList()) {
                JsonNode value = object.get(field);
                if (value.isTextual() && names.containsKey(value.asText())) {
                    object.set(field, TextNode.valueOf(names.get(value.asText())));
                } else {
                    rename(value, names);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rename(element, names));
        }
    }

    private static Map<String, JsonNode> byKindAndName(List<ObjectNode> rendered) {
        Map<String, JsonNode> objects = new TreeMap<>();
        rendered.forEach(object -> objects.put(object.path("kind").asText() + "/" + Manifests.name(object), object));
        return objects;
    }

    private ObjectNode object(String kind, String name) {
        return objects.stream().filter(object -> object.path("kind").asText().equals(kind))
                .filter(object -> Manifests.name(object).equals(name)).findFirst().orElseThrow();
    }

    private ObjectNode at(ObjectNode object, String pointer) {
        return (ObjectNode) object.at(pointer);
    }

    private void remove(String kind, String name) {
        objects.remove(object(kind, name));
    }

    private ObjectNode container(String service) {
        return at(object("Deployment", service), "/spec/template/spec/containers/0");
    }

    private ObjectNode configMap(String name) {
        return at(object("ConfigMap", name), "/data");
    }
}

package org.clusterbridge.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clusterbridge.localstack.OperatorResourcesCheck.Stores;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the rendered manifests of deploy/kubernetes must hold, checked without a cluster: each service a Deployment
 * of at least two pinned-image replicas spread over nodes, with health probes, requests and limits, graceful
 * shutdown, settings from ConfigMaps that match the operators' resources and credentials from the Secrets the
 * operators generate or the installation creates; a Service, a PodDisruptionBudget, a HorizontalPodAutoscaler and
 * a NetworkPolicy that lets in only its API and out only Kafka, its database, DNS and Keycloak. No literal secret
 * anywhere. The operators' resources themselves are {@link OperatorResourcesCheck}'s.
 */
final class KubernetesManifestsCheck {

    enum Store { POSTGRESQL, MONGODB }

    /** A service: its HTTP port, its store and its database there. */
    record App(int port, Store store, String database) {
    }

    static final Map<String, App> SERVICES = Map.of(
            "cluster-service", new App(8081, Store.POSTGRESQL, "cluster"),
            "mou-service", new App(8082, Store.MONGODB, "mou"),
            "funding-service", new App(8083, Store.POSTGRESQL, "funding"));
    static final String IMAGES = "ghcr.io/clusterbridge/";
    static final String READY = "/q/health/ready";
    static final String LIVE = "/q/health/live";
    static final String NODE = "kubernetes.io/hostname";
    static final String SHUTDOWN_VARIABLE = "QUARKUS_SHUTDOWN_TIMEOUT";
    /** Settings every service needs, besides its store's, each from a ConfigMap. */
    static final List<String> SHARED_SETTINGS = List.of("KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
            "MP_JWT_VERIFY_ISSUER", "CLUSTERBRIDGE_CORS_ORIGINS", SHUTDOWN_VARIABLE);

    /** A container variable: a literal or ConfigMap value, or the Secret and key it is read from. */
    record Setting(String value, boolean fromConfigMap, String secret, String key) {
    }

    /** Where a credential must be read from; a null secret when the store itself is wrong (and reported). */
    record Credential(String secret, String key) {
    }

    private KubernetesManifestsCheck() {
    }

    static List<String> problems(List<? extends JsonNode> objects, JsonNode realmFile, String kafkaVersion) {
        Manifests manifests = new Manifests(objects);
        List<String> problems = new ArrayList<>();
        LiteralSecretsCheck.check(problems, manifests);
        Set<String> databases = new TreeSet<>(SERVICES.values().stream()
                .filter(app -> app.store() == Store.POSTGRESQL).map(App::database).toList());
        String mongoDatabase = SERVICES.values().stream().filter(app -> app.store() == Store.MONGODB).findFirst()
                .orElseThrow().database();
        Stores stores = OperatorResourcesCheck.check(problems, manifests, realmFile, kafkaVersion, databases,
                mongoDatabase);
        new TreeMap<>(SERVICES).forEach((name, app) -> checkService(problems, manifests, stores, name, app));
        return problems;
    }

    private static void checkService(List<String> problems, Manifests manifests, Stores stores, String name, App app) {
        JsonNode deployment = manifests.one("Deployment", name);
        if (deployment.isMissingNode()) {
            problems.add(name + ": no Deployment");
            return;
        }
        JsonNode pod = deployment.path("spec").path("template");
        JsonNode labels = pod.path("metadata").path("labels");
        if (!Manifests.selects(deployment.path("spec").path("selector").path("matchLabels"), labels)) {
            problems.add(name + ": the Deployment's selector does not select its own pods");
        }
        JsonNode container = pod.path("spec").path("containers").path(0);
        for (JsonNode candidate : pod.path("spec").path("containers")) {
            container = candidate.path("name").asText().equals(name) ? candidate : container;
        }
        String image = container.path("image").asText();
        if (!image.matches(Pattern.quote(IMAGES + name) + "(:[\\w.-]+|@sha256:[0-9a-f]{64})")
                || image.endsWith(":latest")) {
            problems.add(name + ": image " + image + " is not " + IMAGES + name + " at a pinned tag or digest");
        }
        checkReplicas(problems, manifests, name, deployment);
        if (!listensOn(container, app.port())) {
            problems.add(name + ": its container does not listen on " + app.port());
        }
        checkProbe(problems, name, container, "readinessProbe", READY, app.port());
        checkProbe(problems, name, container, "livenessProbe", LIVE, app.port());
        List<String> missing = new ArrayList<>();
        for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
            String[] path = resource.split("\\.");
            if (container.path("resources").path(path[0]).path(path[1]).asText().isBlank()) {
                missing.add(resource);
            }
        }
        if (!missing.isEmpty()) {
            problems.add(name + ": its container has no resources." + String.join(", resources.", missing));
        }
        boolean spread = false;
        for (JsonNode constraint : pod.path("spec").path("topologySpreadConstraints")) {
            spread |= constraint.path("topologyKey").asText().equals(NODE)
                    && Manifests.selects(constraint.path("labelSelector").path("matchLabels"), labels);
        }
        if (!spread) {
            problems.add(name + ": its pods are not spread across nodes (topologySpreadConstraints on " + NODE + ")");
        }
        Map<String, Setting> settings = environment(problems, manifests, name, container);
        checkShutdown(problems, name, pod.path("spec"), container, settings);
        checkSettings(problems, name, app, settings, stores);
        checkKubernetesService(problems, manifests, name, app, labels, container);
        checkDisruptionBudget(problems, manifests, name, labels);
        NetworkPolicyCheck.check(problems, manifests, stores, name, app, labels, container);
    }

    private static void checkReplicas(List<String> problems, Manifests manifests, String name, JsonNode deployment) {
        JsonNode autoscaler = manifests.first("HorizontalPodAutoscaler",
                hpa -> hpa.path("spec").path("scaleTargetRef").path("kind").asText().equals("Deployment")
                        && hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(name));
        JsonNode replicas = deployment.path("spec").path("replicas");
        if (replicas.isNumber() && replicas.asInt() < 2) {
            problems.add(name + ": replicas " + replicas.asInt() + ", at least 2 are needed");
        }
        if (autoscaler.isMissingNode() || !autoscaler.path("apiVersion").asText().equals("autoscaling/v2")) {
            problems.add(name + ": no HorizontalPodAutoscaler (autoscaling/v2) for its Deployment");
            if (!replicas.isNumber()) {
                problems.add(name + ": replicas 1 (the default), at least 2 are needed");
            }
            return;
        }
        int least = autoscaler.path("spec").path("minReplicas").asInt(1);
        if (least < 2) {
            problems.add(name + ": its HorizontalPodAutoscaler's minReplicas is " + least + ", at least 2 are needed");
        }
        if (autoscaler.path("spec").path("maxReplicas").asInt() < least
                || autoscaler.path("spec").path("metrics").isEmpty()) {
            problems.add(name + ": its HorizontalPodAutoscaler has no metric or a maxReplicas below minReplicas");
        }
    }

    private static void checkProbe(List<String> problems, String name, JsonNode container, String probe, String path,
            int port) {
        JsonNode get = container.path(probe).path("httpGet");
        if (!get.path("path").asText().equals(path) || port(get.path("port"), container) != port) {
            problems.add(name + ": no " + probe + " on " + path + " at port " + port);
        }
    }

    private static void checkShutdown(List<String> problems, String name, JsonNode podSpec, JsonNode container,
            Map<String, Setting> settings) {
        JsonNode preStop = container.path("lifecycle").path("preStop");
        long pause = preStop.path("sleep").path("seconds").asLong(0);
        JsonNode command = preStop.path("exec").path("command");
        if (command.size() >= 2 && command.get(command.size() - 2).asText().endsWith("sleep")) {
            pause = command.get(command.size() - 1).asLong(0);
        }
        if (pause <= 0) {
            problems.add(name + ": no preStop pause for the endpoints to drop the pod before it stops");
        }
        Setting timeout = settings.get(SHUTDOWN_VARIABLE);
        if (timeout == null || timeout.value() == null) {
            return;
        }
        long seconds = seconds(timeout.value());
        long grace = podSpec.path("terminationGracePeriodSeconds").asLong(30);
        if (seconds <= 0) {
            problems.add(name + ": " + SHUTDOWN_VARIABLE + " is '" + timeout.value() + "', not a duration");
        } else if (grace < pause + seconds) {
            problems.add(name + ": terminationGracePeriodSeconds " + grace + " is shorter than the preStop pause ("
                    + pause + " s) and " + SHUTDOWN_VARIABLE + " (" + seconds + " s)");
        }
    }

    /** Every setting from a ConfigMap and equal to what the operators' resources say; credentials from Secrets. */
    private static void checkSettings(List<String> problems, String name, App app, Map<String, Setting> settings,
            Stores stores) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("KAFKA_BOOTSTRAP_SERVERS", stores.kafkaBootstrap());
        expected.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", stores.identity() == null ? null : stores.identity().jwks());
        expected.put("MP_JWT_VERIFY_ISSUER", stores.identity() == null ? null : stores.identity().issuer());
        expected.putAll(stores.topicSettings());
        Map<String, Credential> credentials = new LinkedHashMap<>();
        List<String> required = new ArrayList<>(SHARED_SETTINGS);
        required.addAll(stores.topicSettings().keySet());
        if (app.store() == Store.POSTGRESQL) {
            OperatorResourcesCheck.Database database = stores.postgres().get(app.database());
            required.add("QUARKUS_DATASOURCE_JDBC_URL");
            String secret = database == null ? null : database.secret();
            credentials.put("QUARKUS_DATASOURCE_USERNAME", new Credential(secret, "username"));
            credentials.put("QUARKUS_DATASOURCE_PASSWORD", new Credential(secret, "password"));
            Setting url = settings.get("QUARKUS_DATASOURCE_JDBC_URL");
            if (database != null && url != null && url.value() != null
                    && !url.value().matches(Pattern.quote(database.jdbcUrl()) + "(\\?.*)?")) {
                problems.add(name + ": QUARKUS_DATASOURCE_JDBC_URL is '" + url.value() + "', expected "
                        + database.jdbcUrl());
            }
        } else {
            required.add("QUARKUS_MONGODB_WRITE_CONCERN_W");
            // Quarkus applies quarkus.mongodb.write-concern.* after the connection string: w=majority there alone
            // would be replaced by an acknowledgement of the primary.
            expected.put("QUARKUS_MONGODB_WRITE_CONCERN_W", "majority");
            String secret = stores.mongo() == null ? null : stores.mongo().secret();
            credentials.put("QUARKUS_MONGODB_CONNECTION_STRING", new Credential(secret, "connectionString.standard"));
            Setting database = settings.get("QUARKUS_MONGODB_DATABASE");
            if (database != null && !app.database().equals(database.value())) {
                problems.add(name + ": QUARKUS_MONGODB_DATABASE is '" + database.value() + "', expected "
                        + app.database());
            }
        }
        for (String variable : required) {
            Setting setting = settings.get(variable);
            if (setting == null) {
                problems.add(name + ": " + variable + " missing");
            } else if (!setting.fromConfigMap()) {
                problems.add(name + ": " + variable + " does not come from a ConfigMap");
            } else if (expected.get(variable) != null && !expected.get(variable).equals(setting.value())) {
                problems.add(name + ": " + variable + " is '" + setting.value() + "', expected "
                        + expected.get(variable));
            }
        }
        credentials.forEach((variable, credential) -> {
            Setting setting = settings.get(variable);
            if (setting == null || setting.secret() == null) {
                problems.add(name + ": " + variable + " is not read from a Secret (secretKeyRef)");
            } else if (credential.secret() != null && (!setting.secret().equals(credential.secret())
                    || !setting.key().equals(credential.key()))) {
                problems.add(name + ": " + variable + " is read from " + setting.secret() + "/" + setting.key()
                        + ", expected " + credential.secret() + "/" + credential.key());
            }
        });
        Setting origins = settings.get("CLUSTERBRIDGE_CORS_ORIGINS");
        if (origins != null && origins.value() != null) {
            List<String> list = List.of(origins.value().split(","));
            for (String origin : list) {
                if (!origin.strip().matches("https://[^/*]+")) {
                    problems.add(name + ": CLUSTERBRIDGE_CORS_ORIGINS holds '" + origin.strip()
                            + "', not an https origin");
                }
            }
            String dashboard = stores.identity() == null ? null : stores.identity().dashboardOrigin();
            if (dashboard != null && list.stream().noneMatch(origin -> origin.strip().equals(dashboard))) {
                problems.add(name + ": CLUSTERBRIDGE_CORS_ORIGINS lacks the dashboard's origin " + dashboard);
            }
        }
    }

    private static void checkKubernetesService(List<String> problems, Manifests manifests, String name, App app,
            JsonNode labels, JsonNode container) {
        JsonNode service = manifests.one("Service", name);
        boolean serves = false;
        for (JsonNode port : service.path("spec").path("ports")) {
            serves |= port.path("port").asInt() == app.port()
                    && port(port.path("targetPort").isMissingNode() ? port.path("port") : port.path("targetPort"),
                            container) == app.port();
        }
        if (!serves || !Manifests.selects(service.path("spec").path("selector"), labels)) {
            problems.add(name + ": no Service of that name on port " + app.port() + " selecting its pods");
        }
    }

    private static void checkDisruptionBudget(List<String> problems, Manifests manifests, String name,
            JsonNode labels) {
        JsonNode budget = manifests.first("PodDisruptionBudget",
                candidate -> Manifests.selects(candidate.path("spec").path("selector").path("matchLabels"), labels));
        if (budget.isMissingNode()) {
            problems.add(name + ": no PodDisruptionBudget selecting its pods");
            return;
        }
        String least = budget.path("spec").path("minAvailable").asText("1");
        String most = budget.path("spec").path("maxUnavailable").asText("1");
        if (least.equals("0") || least.equals("0%") || most.equals("100%")) {
            problems.add(name + ": its PodDisruptionBudget lets every pod go at once");
        }
    }

    /** A container's variables as Kubernetes resolves them: envFrom first, env over it. */
    private static Map<String, Setting> environment(List<String> problems, Manifests manifests, String name,
            JsonNode container) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                String map = source.path("configMapRef").path("name").asText();
                JsonNode configMap = manifests.one("ConfigMap", map);
                if (configMap.isMissingNode()) {
                    problems.add(name + ": envFrom names the ConfigMap " + map + ", which is not in the manifests");
                }
                configMap.path("data").properties().forEach(entry -> settings.put(
                        source.path("prefix").asText("") + entry.getKey(),
                        new Setting(entry.getValue().asText(), true, null, null)));
            }
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode from = variable.path("valueFrom");
            Setting setting = new Setting(variable.path("value").asText(), false, null, null);
            if (from.has("secretKeyRef")) {
                setting = new Setting(null, false, from.path("secretKeyRef").path("name").asText(),
                        from.path("secretKeyRef").path("key").asText());
            } else if (from.has("configMapKeyRef")) {
                JsonNode reference = from.path("configMapKeyRef");
                JsonNode value = manifests.one("ConfigMap", reference.path("name").asText()).path("data")
                        .path(reference.path("key").asText());
                if (value.isMissingNode()) {
                    problems.add(name + ": " + variable.path("name").asText()
                            + " names a ConfigMap key that is not there");
                }
                setting = new Setting(value.asText(null), true, null, null);
            }
            settings.put(variable.path("name").asText(), setting);
        }
        return settings;
    }

    /** The port number a probe, Service or policy names: a number, or the name of a container port. */
    static int port(JsonNode port, JsonNode container) {
        if (port.isInt() || port.asText().matches("\\d+")) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        return -1;
    }

    private static boolean listensOn(JsonNode container, int port) {
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("containerPort").asInt() == port) {
                return true;
            }
        }
        return false;
    }

    /** Seconds of a Quarkus duration: {@code 25s}, {@code 1m}, {@code 25} (seconds) or ISO-8601; 0 if unreadable. */
    static long seconds(String duration) {
        Matcher simple = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(duration.strip());
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2) == null ? "s" : simple.group(2)) {
                case "ms" -> amount / 1000;
                case "m" -> amount * 60;
                case "h" -> amount * 3600;
                default -> amount;
            };
        }
        try {
            return Duration.parse(duration.strip()).toSeconds();
        } catch (RuntimeException e) {
            return 0;
        }
    }
}

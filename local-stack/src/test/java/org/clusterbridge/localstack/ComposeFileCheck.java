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

/**
 * What {@code docker-compose.yml} must hold, checked without a Docker engine: the services and their official
 * images, the host ports of the local stack, a health check on every container, start order on healthy
 * dependencies, named volumes, KRaft mode, and services that reach their stores by service name.
 */
final class ComposeFileCheck {

    record Infra(String image, String port) {
    }

    record App(int port, Set<String> dependsOn) {
    }

    static final Map<String, Infra> INFRASTRUCTURE = Map.of(
            "kafka", new Infra("apache/kafka", "9092:9092"),
            "postgres", new Infra("postgres", "5433:5432"),
            "mongo", new Infra("mongo", "27017:27017"));

    static final Map<String, App> SERVICES = Map.of(
            "cluster-service", new App(8081, Set.of("kafka", "postgres")),
            "mou-service", new App(8082, Set.of("kafka", "mongo")),
            "funding-service", new App(8083, Set.of("kafka", "postgres")));

    private ComposeFileCheck() {
    }

    static List<String> problems(JsonNode compose, Path root, String kafkaVersion) {
        List<String> problems = new ArrayList<>();
        JsonNode services = compose.path("services");
        Set<String> expected = new HashSet<>(INFRASTRUCTURE.keySet());
        expected.addAll(SERVICES.keySet());
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
            if (!service.has("volumes")) {
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
                if (value.contains("localhost") || value.contains("127.0.0.1")) {
                    problems.add(name + ": " + variable.getKey() + " points at localhost inside a container");
                }
            }
        });

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

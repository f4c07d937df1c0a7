package org.clusterbridge.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A kustomization built the way {@code kubectl kustomize} builds it, for the features {@code deploy/kubernetes}
 * uses: resources (files and folders), configMapGenerator (env files and literals; create and merge),
 * strategic-merge patches, namespace and images. A field or patch form it does not build is refused rather than
 * left out, so the checks never judge something other than what kubectl would apply. Generated ConfigMaps keep
 * their plain names (kubectl adds a hash of the content to the name and to every reference).
 */
final class Kustomization {

    static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "configMapGenerator", "patches",
            "namespace", "images");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomization() {
    }

    /** The objects the kustomization in {@code folder} renders. */
    static List<ObjectNode> render(Path folder) throws IOException {
        Path file = folder.resolve("kustomization.yaml");
        JsonNode kustomization = YAML.readTree(Files.readString(file));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalStateException(file + ": '" + field + "' is not built by this check");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = folder.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : documents(path));
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            generate(objects, folder, generator);
        }
        for (JsonNode patch : kustomization.path("patches")) {
            patch(objects, folder, patch);
        }
        if (kustomization.has("namespace")) {
            setNamespace(objects, kustomization.path("namespace").asText());
        }
        for (JsonNode image : kustomization.path("images")) {
            objects.forEach(object -> setImage(object, image));
        }
        return objects;
    }

    /** Every object of a file of one or more YAML documents. */
    static List<ObjectNode> documents(Path file) throws IOException {
        return documents(Files.readString(file), file.toString());
    }

    /** Every object of one or more YAML documents, read from {@code source}. */
    static List<ObjectNode> documents(String yaml, String source) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
            if (document instanceof ObjectNode object) {
                objects.add(object);
            } else if (document != null && !document.isNull() && !document.isMissingNode()) {
                throw new IllegalStateException(source + ": a document that is not an object");
            }
        }
        return objects;
    }

    private static void generate(List<ObjectNode> objects, Path folder, JsonNode generator) throws IOException {
        String name = generator.path("name").asText();
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        for (JsonNode envs : generator.path("envs")) {
            for (String line : Files.readAllLines(folder.resolve(envs.asText()))) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    literal(data, entry);
                }
            }
        }
        generator.path("literals").forEach(entry -> literal(data, entry.asText()));
        String behavior = generator.path("behavior").asText("create");
        ObjectNode existing = find(objects, "ConfigMap", name);
        switch (behavior) {
            case "create" -> {
                if (existing != null) {
                    throw new IllegalStateException("ConfigMap " + name + " is generated twice");
                }
                ObjectNode configMap = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1")
                        .put("kind", "ConfigMap");
                configMap.putObject("metadata").put("name", name);
                configMap.set("data", data);
                objects.add(configMap);
            }
            case "merge" -> {
                if (existing == null) {
                    throw new IllegalStateException("ConfigMap " + name + " to merge into does not exist");
                }
                existing.withObjectProperty("data").setAll(data);
            }
            default -> throw new IllegalStateException("configMapGenerator behavior " + behavior
                    + " is not built by this check");
        }
    }

    private static void literal(ObjectNode data, String entry) {
        int equals = entry.indexOf('=');
        if (equals < 1) {
            throw new IllegalStateException("not KEY=VALUE: " + entry);
        }
        data.put(entry.substring(0, equals), entry.substring(equals + 1));
    }

    private static void patch(List<ObjectNode> objects, Path folder, JsonNode patch) throws IOException {
        if (patch.has("target") || !patch.has("path")) {
            throw new IllegalStateException("only patches by path, matched by kind and name, are built by this check");
        }
        for (ObjectNode document : documents(folder.resolve(patch.path("path").asText()))) {
            String kind = document.path("kind").asText();
            String name = document.path("metadata").path("name").asText();
            ObjectNode target = find(objects, kind, name);
            if (target == null) {
                throw new IllegalStateException(patch.path("path").asText() + ": no " + kind + " " + name
                        + " to patch");
            }
            merge(target, document, builtIn(target.path("apiVersion").asText()));
        }
    }

    /**
     * Strategic merge: objects merge field by field, null removes a field. Lists of named objects in Kubernetes'
     * own kinds (containers, env, volumes) merge by name; other lists, and every list of a custom resource, are
     * replaced.
     */
    private static void merge(ObjectNode target, ObjectNode patch, boolean builtIn) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getKey().startsWith("$")) {
                throw new IllegalStateException("patch directive " + field.getKey() + " is not built by this check");
            }
            JsonNode current = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (current instanceof ObjectNode object && value instanceof ObjectNode patchObject) {
                merge(object, patchObject, builtIn);
            } else if (builtIn && current instanceof ArrayNode list && value instanceof ArrayNode patchList
                    && named(list) && named(patchList)) {
                for (JsonNode element : patchList) {
                    ObjectNode match = null;
                    for (JsonNode candidate : list) {
                        if (candidate.path("name").equals(element.path("name"))) {
                            match = (ObjectNode) candidate;
                        }
                    }
                    if (match == null) {
                        list.add(element.deepCopy());
                    } else {
                        merge(match, (ObjectNode) element, true);
                    }
                }
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    /** Kubernetes' own kinds: the core group, groups without a dot, and the *.k8s.io groups. */
    private static boolean builtIn(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static boolean named(ArrayNode list) {
        for (JsonNode element : list) {
            if (!element.isObject() || !element.path("name").isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static void setNamespace(List<ObjectNode> objects, String namespace) {
        for (ObjectNode object : objects) {
            if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                ((ObjectNode) object.path("metadata")).put("namespace", namespace);
            }
            if (object.path("kind").asText().endsWith("RoleBinding")) {
                for (JsonNode subject : object.path("subjects")) {
                    if (subject.path("kind").asText().equals("ServiceAccount") && !subject.has("namespace")) {
                        ((ObjectNode) subject).put("namespace", namespace);
                    }
                }
            }
        }
    }

    /** Sets {@code newName}, {@code newTag} or {@code digest} of every container image named {@code name}. */
    private static void setImage(JsonNode node, JsonNode image) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                boolean containers = field.getKey().equals("containers") || field.getKey().equals("initContainers");
                if (containers && field.getValue().isArray()) {
                    field.getValue().forEach(container -> retag((ObjectNode) container, image));
                }
                setImage(field.getValue(), image);
            });
        } else if (node instanceof ArrayNode list) {
            list.forEach(element -> setImage(element, image));
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String reference = container.path("image").asText();
        int at = reference.indexOf('@');
        String withoutDigest = at < 0 ? reference : reference.substring(0, at);
        int colon = withoutDigest.lastIndexOf(':');
        boolean tagged = colon > withoutDigest.lastIndexOf('/');
        String name = tagged ? withoutDigest.substring(0, colon) : withoutDigest;
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        String suffix = at >= 0 ? reference.substring(at) : tagged ? withoutDigest.substring(colon) : "";
        if (image.has("digest")) {
            suffix = "@" + image.path("digest").asText();
        } else if (image.has("newTag")) {
            suffix = ":" + image.path("newTag").asText();
        }
        container.put("image", image.path("newName").asText(name) + suffix);
    }

    private static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        for (ObjectNode object : objects) {
            if (object.path("kind").asText().equals(kind)
                    && object.path("metadata").path("name").asText().equals(name)) {
                return object;
            }
        }
        return null;
    }
}

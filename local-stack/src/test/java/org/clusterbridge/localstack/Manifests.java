package org.clusterbridge.localstack;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/** The rendered objects of deploy/kubernetes, looked up by API version, kind and name. */
record Manifests(List<? extends JsonNode> objects) {

    List<JsonNode> all(String apiVersion, String kind) {
        return objects.stream().filter(object -> object.path("kind").asText().equals(kind))
                .filter(object -> apiVersion == null || object.path("apiVersion").asText().equals(apiVersion))
                .map(JsonNode.class::cast).toList();
    }

    /** The object of that kind and name (any API version), or a missing node. */
    JsonNode one(String kind, String name) {
        return first(kind, object -> name(object).equals(name));
    }

    JsonNode first(String kind, Predicate<JsonNode> test) {
        return all(null, kind).stream().filter(test).findFirst().orElse(MissingNode.getInstance());
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** Whether a selector's {@code matchLabels} are non-empty and all among {@code labels}. */
    static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (!matchLabels.isObject() || matchLabels.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> label : matchLabels.properties()) {
            if (!labels.path(label.getKey()).asText("\0").equals(label.getValue().asText())) {
                return false;
            }
        }
        return true;
    }
}

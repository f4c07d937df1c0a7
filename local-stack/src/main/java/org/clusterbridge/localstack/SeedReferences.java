package org.clusterbridge.localstack;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Seed files are request bodies in which {@code "@cluster:<slug>"} stands for that cluster's id, which only
 * cluster-service knows once it registered the cluster; this replaces every such reference.
 */
public final class SeedReferences {

    public static final String CLUSTER_REFERENCE = "@cluster:";

    /** Finds the id cluster-service gives a slug. */
    @FunctionalInterface
    public interface ClusterIds {
        String of(String slug) throws IOException, InterruptedException;
    }

    private SeedReferences() {
    }

    /** Replaces, in place, every cluster reference in {@code node}; returns the node (or its replacement). */
    public static JsonNode resolve(JsonNode node, ClusterIds ids) throws IOException, InterruptedException {
        if (node.isTextual() && node.asText().startsWith(CLUSTER_REFERENCE)) {
            return TextNode.valueOf(ids.of(node.asText().substring(CLUSTER_REFERENCE.length())));
        }
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> resolved = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                resolved.put(field.getKey(), resolve(field.getValue(), ids));
            }
            resolved.forEach(object::set);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i), ids));
            }
        }
        return node;
    }
}

package org.clusterbridge.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import org.clusterbridge.system.Http.Reply;

/**
 * The seed files the local stack imports ({@code seed/clusters.json}, {@code agreements.json},
 * {@code funding-figures.json}): request bodies in which {@code "@cluster:<slug>"} stands for that cluster's id.
 */
public final class SeedFiles {

    public static final String CLUSTERS = "clusters.json";
    public static final String AGREEMENTS = "agreements.json";
    public static final String FIGURES = "funding-figures.json";
    private static final String REFERENCE = "@cluster:";

    private final ClusterBridge api;
    private final Map<String, String> ids = new HashMap<>();

    public SeedFiles(ClusterBridge api) {
        this.api = api;
    }

    /** The items of a seed file as written; empty when there is no such file. */
    public static List<JsonNode> items(String file) {
        try (InputStream in = SeedFiles.class.getResourceAsStream("/seed/" + file)) {
            if (in == null) {
                return List.of();
            }
            List<JsonNode> items = new ArrayList<>();
            Http.JSON.readTree(in).forEach(items::add);
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean exists(String file) {
        return SeedFiles.class.getResource("/seed/" + file) != null;
    }

    /** A seed item with every cluster reference replaced by the id cluster-service gives that slug. */
    public JsonNode resolved(JsonNode item) {
        JsonNode copy = item.deepCopy();
        return resolve(copy);
    }

    public String clusterId(String slug) {
        return ids.computeIfAbsent(slug, s -> {
            Reply reply = Http.get(api.clusters() + "/" + s);
            if (reply.status() != 200) {
                throw new AssertionError("a seed file refers to cluster " + s + ", which cluster-service does not know: "
                        + reply);
            }
            return reply.json().path("id").asText();
        });
    }

    private JsonNode resolve(JsonNode node) {
        if (node.isTextual() && node.asText().startsWith(REFERENCE)) {
            return TextNode.valueOf(clusterId(node.asText().substring(REFERENCE.length())));
        }
        if (node instanceof ObjectNode object) {
            Map<String, JsonNode> resolved = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                resolved.put(field.getKey(), resolve(field.getValue()));
            }
            resolved.forEach(object::set);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i)));
            }
        }
        return node;
    }

    /** Imports a seed file the way the local stack does: POST each item; returns the statuses. */
    public List<Reply> importAll(String file, String collectionUrl) {
        List<Reply> replies = new ArrayList<>();
        for (JsonNode item : items(file)) {
            replies.add(api.postOnceClustersAreKnown(collectionUrl, (ObjectNode) resolved(item)));
        }
        return replies;
    }
}

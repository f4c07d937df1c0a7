package org.clusterbridge.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.clusterbridge.localstack.SeedReferences;
import org.clusterbridge.system.Http.Reply;

/**
 * The seed files the local stack imports ({@code seed/clusters.json}, {@code agreements.json},
 * {@code funding-figures.json}): request bodies in which {@code "@cluster:<slug>"} stands for that cluster's id.
 */
public final class SeedFiles {

    public static final String CLUSTERS = "clusters.json";
    public static final String AGREEMENTS = "agreements.json";
    public static final String FIGURES = "funding-figures.json";

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
        try {
            return SeedReferences.resolve(item.deepCopy(), this::clusterId);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot resolve the cluster references of " + item, e);
        }
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

    /** Imports a seed file the way the local stack does: POST each item; returns the statuses. */
    public List<Reply> importAll(String file, String collectionUrl) {
        List<Reply> replies = new ArrayList<>();
        for (JsonNode item : items(file)) {
            replies.add(api.postOnceClustersAreKnown(collectionUrl, (ObjectNode) resolved(item)));
        }
        return replies;
    }
}

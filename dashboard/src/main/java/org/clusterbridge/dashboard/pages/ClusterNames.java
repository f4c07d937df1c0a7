package org.clusterbridge.dashboard.pages;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.dashboard.registry.Fetched;
import org.clusterbridge.dashboard.registry.RegistryClient;
import org.clusterbridge.dashboard.registry.Service;
import org.clusterbridge.dashboard.registry.Text;

import com.fasterxml.jackson.databind.JsonNode;

/** The names and slugs of clusters that another service names by id only, read from cluster-service at once. */
@ApplicationScoped
public class ClusterNames {

    /** A cluster's slug (for its link) and names; the id itself when cluster-service did not answer. */
    public record Named(String key, Text names) {
    }

    private final RegistryClient registry;

    ClusterNames(RegistryClient registry) {
        this.registry = registry;
    }

    public Map<String, Named> of(Collection<String> ids) {
        Map<String, CompletableFuture<Fetched<JsonNode>>> reads = new LinkedHashMap<>();
        ids.forEach(id -> reads.computeIfAbsent(id, i -> registry.get(Service.CLUSTERS, "/api/clusters/"
                + RegistryClient.segment(i))));
        Map<String, Named> names = new LinkedHashMap<>();
        reads.forEach((id, read) -> names.put(id, read.join().optional()
                .map(c -> new Named(c.path("slug").asText(id), Text.of(c.get("names"))))
                .orElse(new Named(id, Text.plain(id)))));
        return names;
    }
}

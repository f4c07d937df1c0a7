package org.clusterbridge.mou.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What this service knows of a cluster, from cluster-service's events: the fields of the event contract it
 * needs (the rest of the state is ignored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterSummary(UUID id, String slug, Map<String, String> names, String acronym, String kind,
        String country, String status, List<UUID> memberClusterIds, long version) {

    public static final String RETIRED = "RETIRED";

    public ClusterSummary {
        memberClusterIds = memberClusterIds == null ? List.of() : List.copyOf(memberClusterIds);
        names = names == null ? Map.of() : names;
    }

    public boolean retired() {
        return RETIRED.equals(status);
    }

    public String name() {
        return names.getOrDefault("en", slug);
    }
}

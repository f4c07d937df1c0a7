package org.clusterbridge.funding.events;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of cluster event data this service relies on; the rest of the cluster's state is ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterState(UUID id, String slug, Map<String, String> names, String acronym, String kind,
        String country, String status, Long version) {
}

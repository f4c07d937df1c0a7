package org.clusterbridge.funding.domain;

import java.util.Map;
import java.util.UUID;

/** A cluster as funding-service knows it from cluster-service's events: what figures and summaries need. */
public record KnownCluster(UUID id, String slug, Map<String, String> names, String country, String status) {

    public static final String ACTIVE = "ACTIVE";

    /** Only an ACTIVE cluster takes new figures. */
    public boolean active() {
        return ACTIVE.equals(status);
    }
}

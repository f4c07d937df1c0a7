package org.clusterbridge.mou.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A party with its current names from the cluster view, and the member clusters co-signing for it. */
public record PartyRepresentation(UUID clusterId, String slug, Map<String, String> names, String acronym,
        String kind, String country, String status, List<ClusterReference> coSigners) {
}

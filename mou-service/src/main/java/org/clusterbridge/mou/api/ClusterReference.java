package org.clusterbridge.mou.api;

import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.domain.ClusterSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A cluster as this service's view knows it now; only the id when the view does not know it (yet). */
public record ClusterReference(
        @Schema(required = true) UUID clusterId,
        @Schema(readOnly = true) String slug,
        @Schema(readOnly = true, description = AgreementRequest.MULTILINGUAL) Map<String, String> names,
        @Schema(readOnly = true) String acronym,
        @Schema(readOnly = true) String kind,
        @Schema(readOnly = true, description = "ISO 3166-1 alpha-2") String country,
        @Schema(readOnly = true) String status) {

    static ClusterReference of(UUID id, ClusterSummary cluster) {
        if (cluster == null) {
            return new ClusterReference(id, null, null, null, null, null, null);
        }
        return new ClusterReference(id, cluster.slug(), cluster.names(), cluster.acronym(), cluster.kind(),
                cluster.country(), cluster.status());
    }
}

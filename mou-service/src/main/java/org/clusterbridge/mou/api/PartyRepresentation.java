package org.clusterbridge.mou.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A party with its current names from the cluster view (null while the view does not know it), and the member
 * clusters co-signing for it.
 */
public record PartyRepresentation(
        @Schema(required = true) UUID clusterId,
        @Schema(readOnly = true) String slug,
        @Schema(readOnly = true, description = AgreementRequest.MULTILINGUAL) Map<String, String> names,
        @Schema(readOnly = true) String acronym,
        @Schema(readOnly = true) String kind,
        @Schema(readOnly = true, description = "ISO 3166-1 alpha-2 (EU for alliances of European clusters)")
                String country,
        @Schema(readOnly = true, description = "The cluster's status in cluster-service") String status,
        @Schema(required = true) List<ClusterReference> coSigners) {
}

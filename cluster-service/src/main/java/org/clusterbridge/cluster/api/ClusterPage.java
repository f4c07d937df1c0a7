package org.clusterbridge.cluster.api;

import java.util.List;
import java.util.Map;

import org.clusterbridge.api.FacetCount;
import org.clusterbridge.api.Facets;
import org.clusterbridge.api.Total;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI schema of a page of clusters ({@link org.clusterbridge.api.Page} as served). */
public record ClusterPage(
        @Schema(required = true) List<ClusterState> items,
        @Schema(required = true, minimum = "0", description = "Counts from 0") int page,
        @Schema(required = true, minimum = "1", maximum = "200") int size,
        @Schema(required = true, minimum = "0", description = Total.TOTAL_DESCRIPTION) long total,
        @Schema(required = true, description = Total.EXACT_DESCRIPTION) boolean totalExact,
        @Schema(description = Facets.DESCRIPTION) Map<String, List<FacetCount>> facets) {
}

package org.clusterbridge.funding.api;

import java.util.List;
import java.util.Map;

import org.clusterbridge.api.FacetCount;
import org.clusterbridge.api.Facets;
import org.clusterbridge.api.Page;
import org.clusterbridge.api.Total;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of the figure list, as its own schema so that generated clients get a typed page. */
public record FundingFigurePage(
        @Schema(required = true) List<FundingFigureResponse> items,
        @Schema(required = true, description = "The page number, from 0") int page,
        @Schema(required = true, description = "The page size asked for") int size,
        @Schema(required = true, minimum = "0", description = Total.TOTAL_DESCRIPTION) long total,
        @Schema(required = true, description = Total.EXACT_DESCRIPTION) boolean totalExact,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = Facets.DESCRIPTION)
        Map<String, List<FacetCount>> facets) {

    static FundingFigurePage of(Page<FundingFigureResponse> page) {
        return new FundingFigurePage(page.items(), page.page(), page.size(), page.total(), page.totalExact(),
                page.facets());
    }
}

package org.clusterbridge.funding.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The facets the figure list counts ({@code facets=}), for the OpenAPI document: the names are
 * {@link org.clusterbridge.funding.service.FigureSearch#FACETS}.
 */
public enum FundingFigureFacet {
    @JsonProperty("indicator") INDICATOR,
    @JsonProperty("nature") NATURE,
    @JsonProperty("country") COUNTRY
}

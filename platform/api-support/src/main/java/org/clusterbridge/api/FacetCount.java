package org.clusterbridge.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many matches of a list have {@code value} in one facet (a country, a kind, a focus area ...). */
public record FacetCount(@Schema(required = true) String value, @Schema(required = true, minimum = "1") long count) {
}

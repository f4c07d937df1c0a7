package org.clusterbridge.cluster.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The facets the cluster list counts ({@code facets=}), for the OpenAPI document. */
public enum ClusterFacet {
    @JsonProperty("country") COUNTRY,
    @JsonProperty("kind") KIND,
    @JsonProperty("focusArea") FOCUS_AREA,
    @JsonProperty("status") STATUS
}

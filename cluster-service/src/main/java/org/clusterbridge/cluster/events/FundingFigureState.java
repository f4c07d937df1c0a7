package org.clusterbridge.cluster.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What cluster-service reads from the data of funding-figure events
 * (contracts/events/funding-figure.data.schema.json); value, period and source are kept as sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FundingFigureState(
        UUID id,
        UUID clusterId,
        String indicator,
        String nature,
        JsonNode value,
        JsonNode period,
        JsonNode source,
        long version) {
}

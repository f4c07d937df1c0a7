package org.clusterbridge.dashboard.registry;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** funding-service's summary of one cluster: per indicator its series, targets, plausibility flag and conflicts. */
public record FundingSummary(String clusterId, String slug, Text clusterNames, List<IndicatorSummary> indicators) {

    /** One indicator of the cluster. */
    public record IndicatorSummary(String indicator, Text names, String unit, List<Figure> series,
            List<Figure> targets, boolean plausibilityFlag, List<Conflict> conflicts) {

        static IndicatorSummary of(JsonNode node) {
            return new IndicatorSummary(Json.text(node, "indicator"), Text.of(node.get("names")),
                    Json.text(node, "unit"), Json.list(node, "series", Figure::of),
                    Json.list(node, "targets", Figure::of), Json.flag(node, "plausibilityFlag"),
                    Json.list(node, "conflicts", Conflict::of));
        }

        /** The points of the series that jumped implausibly from the one before. */
        public List<Figure> implausible() {
            return series.stream().filter(Figure::implausibleJump).toList();
        }
    }

    /** Reports of the same period whose values differ across sources: all of them, none hiding another. */
    public record Conflict(String nature, String period, List<Figure> reports) {

        static Conflict of(JsonNode node) {
            return new Conflict(Json.text(node, "nature"), Figure.period(node.get("period")),
                    Json.list(node, "reports", Figure::of));
        }
    }

    public static FundingSummary of(JsonNode node) {
        return new FundingSummary(Json.text(node, "clusterId"), Json.text(node, "slug"),
                Text.of(node.get("clusterNames")), Json.list(node, "indicators", IndicatorSummary::of));
    }
}

package org.clusterbridge.dashboard.registry;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One data-quality concern of funding-service's {@code GET /api/data-quality}: an implausible jump between two
 * reports of a series, or reports of the same period whose values differ across sources, with every report named.
 */
public record Concern(String kind, String clusterId, String slug, Text clusterNames, String indicator,
        Text indicatorNames, String nature, String period, List<Figure> reports) {

    public static Concern of(JsonNode node) {
        return new Concern(Json.text(node, "kind"), Json.text(node, "clusterId"), Json.text(node, "slug"),
                Text.of(node.get("clusterNames")), Json.text(node, "indicator"), Text.of(node.get("indicatorNames")),
                Json.text(node, "nature"), Figure.period(node.get("period")), Json.list(node, "reports", Figure::of));
    }

    public boolean conflict() {
        return "CONFLICT".equals(kind);
    }

    /** The list of concerns of one page. */
    public record Page(List<Concern> items, int page, int size, long total) {

        public static Page of(JsonNode node) {
            return new Page(Json.list(node, "items", Concern::of), (int) Json.number(node, "page"),
                    (int) Json.number(node, "size"), Json.number(node, "total"));
        }

        public List<Concern> flags() {
            return items.stream().filter(c -> !c.conflict()).toList();
        }

        public List<Concern> conflicts() {
            return items.stream().filter(Concern::conflict).toList();
        }
    }
}

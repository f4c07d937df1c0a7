package org.clusterbridge.dashboard.registry;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A page of funding-service's figure list. */
public record FigureList(List<Figure> items, int page, int size, long total, boolean totalExact,
        Map<String, List<ClusterList.FacetCount>> facets) {

    public static FigureList of(JsonNode node) {
        return new FigureList(Json.list(node, "items", Figure::of), (int) Json.number(node, "page"),
                (int) Json.number(node, "size"), Json.number(node, "total"),
                !node.has("totalExact") || Json.flag(node, "totalExact"), ClusterList.facets(node.get("facets")));
    }

    /** The page's number counted from 1, as people count. */
    public int number() {
        return page + 1;
    }

    public int pages() {
        return size == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }
}

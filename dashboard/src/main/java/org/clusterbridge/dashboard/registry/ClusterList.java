package org.clusterbridge.dashboard.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A page of cluster-service's list, with its facets when they were asked for. */
public record ClusterList(List<Cluster> items, int page, int size, long total, boolean totalExact,
        Map<String, List<FacetCount>> facets) {

    /** How many of the filtered set have one value of a field. */
    public record FacetCount(String value, long count) {
    }

    public static ClusterList of(JsonNode node) {
        return new ClusterList(Json.list(node, "items", Cluster::of), (int) Json.number(node, "page"),
                (int) Json.number(node, "size"), Json.number(node, "total"),
                !node.has("totalExact") || Json.flag(node, "totalExact"), facets(node.get("facets")));
    }

    static Map<String, List<FacetCount>> facets(JsonNode facets) {
        Map<String, List<FacetCount>> byField = new LinkedHashMap<>();
        if (facets != null && facets.isObject()) {
            facets.fields().forEachRemaining(field -> byField.put(field.getKey(), Json.list(facets, field.getKey(),
                    count -> new FacetCount(Json.text(count, "value"), Json.number(count, "count")))));
        }
        return byField;
    }

    public List<FacetCount> facet(String field) {
        return facets.getOrDefault(field, List.of());
    }

    /** The page's number counted from 1, as people count. */
    public int number() {
        return page + 1;
    }

    public int pages() {
        return size == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }
}

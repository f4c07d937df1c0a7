package org.clusterbridge.dashboard.registry;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A page of mou-service's agreement list. */
public record AgreementList(List<Agreement> items, int page, int size, long total, boolean totalExact,
        Map<String, List<ClusterList.FacetCount>> facets) {

    public static AgreementList of(JsonNode node) {
        return new AgreementList(Json.list(node, "items", Agreement::of), (int) Json.number(node, "page"),
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

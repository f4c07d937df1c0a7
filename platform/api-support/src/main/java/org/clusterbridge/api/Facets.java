package org.clusterbridge.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.clusterbridge.rules.DomainException;

/**
 * The {@code facets=} parameter of a list: a comma-separated choice among the facets the list offers, each
 * answered as its values with their counts over the whole filtered set, the most frequent first.
 */
public final class Facets {

    public static final String DESCRIPTION = "Present when facets= was given: for each facet asked for, its values "
            + "over all matches (not only this page) with how many matches have each, the most frequent first. A "
            + "match with several values (focus areas, the countries of an agreement's parties) counts once under "
            + "each.";

    private Facets() {
    }

    /**
     * The facets named in {@code raw} (null or blank: none), in the order given, duplicates dropped; a name the
     * list does not offer is a 400 naming {@code facets}.
     */
    public static List<String> parse(String raw, Set<String> offered) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String part : raw.split(",", -1)) {
            String name = part.trim();
            if (!offered.contains(name)) {
                throw DomainException.invalid("facets", "unknown facet \"" + shortened(name)
                        + "\"; this list offers " + String.join(", ", offered));
            }
            asked.add(name);
        }
        return List.copyOf(asked);
    }

    private static String shortened(String name) {
        return name.length() <= 40 ? name : name.substring(0, 40) + "...";
    }

    /**
     * The counts of each facet asked for, computed by {@code counter} as value → count, sorted by count
     * (descending) then value.
     */
    public static Map<String, List<FacetCount>> count(List<String> asked,
            Function<String, Map<String, Long>> counter) {
        Map<String, List<FacetCount>> result = new LinkedHashMap<>();
        for (String facet : asked) {
            List<FacetCount> counts = new ArrayList<>();
            counter.apply(facet).forEach((value, count) -> {
                if (value != null && count > 0) {
                    counts.add(new FacetCount(value, count));
                }
            });
            counts.sort(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value));
            result.put(facet, List.copyOf(counts));
        }
        return result;
    }
}

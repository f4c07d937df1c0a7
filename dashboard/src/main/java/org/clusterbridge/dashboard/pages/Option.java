package org.clusterbridge.dashboard.pages;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.clusterbridge.dashboard.registry.ClusterList;
import org.clusterbridge.dashboard.registry.Text;

/** One choice of a filter's list: its value, its words in the page's language, and whether it is chosen. */
public record Option(String value, String label, boolean selected) {

    static List<Option> of(List<String> values, String chosen, Function<String, String> label) {
        return values.stream().map(v -> new Option(v, label.apply(v), v.equals(chosen))).toList();
    }

    static List<Option> named(Map<String, Text> names, String chosen, String language) {
        return names.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue().in(language),
                e.getKey().equals(chosen))).sorted(java.util.Comparator.comparing(Option::label)).toList();
    }

    static List<Option> countries(List<ClusterList.FacetCount> facet, String chosen, String language) {
        List<Option> options = new java.util.ArrayList<>(facet.stream().map(c -> new Option(c.value(),
                Countries.name(c.value(), language) + " (" + c.value() + ")", c.value().equals(chosen))).toList());
        if (chosen != null && options.stream().noneMatch(Option::selected)) {
            options.add(new Option(chosen, Countries.name(chosen, language) + " (" + chosen + ")", true));
        }
        return options;
    }
}

package org.clusterbridge.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list: {@code page} counts from 0, {@code total} is the number of matches overall, exact unless
 * {@code totalExact} is false (then an estimate, see {@link Total}); {@code facets}, when the request asked for
 * them, counts the matches over all pages by the values of each facet.
 */
public record Page<T>(List<T> items, int page, int size, long total, boolean totalExact,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = Facets.DESCRIPTION)
        Map<String, List<FacetCount>> facets) {

    /** A page whose total is exact. */
    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true, null);
    }

    public Page(List<T> items, int page, int size, Total total) {
        this(items, page, size, total.value(), total.exact(), null);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total, totalExact, facets);
    }

    /** This page with the counts of the facets asked for (none asked: the page as it is, without facets). */
    public Page<T> withFacets(Map<String, List<FacetCount>> counts) {
        return new Page<>(items, page, size, total, totalExact, counts == null || counts.isEmpty() ? null : counts);
    }
}

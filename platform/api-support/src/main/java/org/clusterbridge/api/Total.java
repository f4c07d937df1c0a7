package org.clusterbridge.api;

import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.LongUnaryOperator;

/**
 * A list's {@code total}: exact up to a bound, an estimate above it. Counting every match of a broad filter on
 * every page costs a scan of tens of thousands of rows; counting at most {@code bound + 1} costs a bounded one,
 * and above the bound the store's own estimate (its planner's, say) is good enough for "about 40,000". The
 * page says which it is ({@code totalExact}), and the estimate is never below the bound it passed.
 */
public record Total(long value, boolean exact) {

    private static final Pattern PLANNED_ROWS = Pattern.compile("\\brows=(\\d+)");

    /** The bound of exact totals unless a service's {@code clusterbridge.list.exact-total-up-to} says otherwise. */
    public static final String BOUND = "clusterbridge.list.exact-total-up-to";
    public static final String DEFAULT_BOUND = "1000";
    /** What a page's {@code total} and {@code totalExact} say, for the OpenAPI documents. */
    public static final String TOTAL_DESCRIPTION = "Matches over all pages: exact up to 1,000 (a service's bound), "
            + "above it an estimate, never below the bound, when totalExact is false";
    public static final String EXACT_DESCRIPTION = "false when total is an estimate (more matches than the bound "
            + "of exact totals); facets= counts stay exact";

    public static Total exact(long value) {
        return new Total(value, true);
    }

    /**
     * {@code countUpTo} counts the matches but stops at the number it is given; {@code estimate} is asked only
     * when there are more than {@code bound}.
     */
    public static Total bounded(long bound, LongUnaryOperator countUpTo, LongSupplier estimate) {
        long counted = countUpTo.applyAsLong(bound + 1);
        if (counted <= bound) {
            return exact(counted);
        }
        return new Total(Math.max(bound + 1, estimate.getAsLong()), false);
    }

    /**
     * The rows PostgreSQL's planner expects from a query, read off the first line of its {@code EXPLAIN} (text
     * format: {@code "Seq Scan on cluster c  (cost=0.00..2041.00 rows=40213 width=4)"}); 0 when it names none.
     */
    public static long plannedRows(String explainFirstLine) {
        Matcher rows = PLANNED_ROWS.matcher(explainFirstLine == null ? "" : explainFirstLine);
        return rows.find() ? Long.parseLong(rows.group(1)) : 0;
    }
}

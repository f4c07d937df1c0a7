package org.clusterbridge.funding.domain;

/** What a figure's period means: a stock at a date, a running total since a date, or a flow over a span. */
public enum PeriodKind {
    AS_OF,
    CUMULATIVE_SINCE,
    SPAN
}

package org.clusterbridge.funding.domain;

/** How much of a date a source gives: "since 2005" is a YEAR. */
public enum DatePrecision {
    YEAR,
    MONTH,
    DAY
}

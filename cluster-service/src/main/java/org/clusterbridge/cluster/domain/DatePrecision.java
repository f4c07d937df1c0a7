package org.clusterbridge.cluster.domain;

/** How much of a date a source gives: the day, only the month, or only the year. */
public enum DatePrecision {
    DAY, MONTH, YEAR
}

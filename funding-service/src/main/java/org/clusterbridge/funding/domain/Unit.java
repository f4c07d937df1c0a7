package org.clusterbridge.funding.domain;

/** How an indicator is measured: a whole number of things, or an amount of money in a currency. */
public enum Unit {
    COUNT,
    MONEY
}

package org.clusterbridge.cluster.domain;

/** How a source states a count: exactly, "nearly"/"about" (ABOUT) or "over"/"more than" (MORE_THAN). */
public enum Approximation {
    EXACT, ABOUT, MORE_THAN
}

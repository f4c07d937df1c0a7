package org.clusterbridge.funding.domain;

/** Whether a figure reports what happened or what is aimed for. */
public enum Nature {
    ACTUAL,
    TARGET
}

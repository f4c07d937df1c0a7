package org.clusterbridge.cluster.domain;

/** A retired cluster stays readable; it can no longer be changed or join an alliance. */
public enum ClusterStatus {
    ACTIVE, RETIRED
}

package org.clusterbridge.cluster.domain;

/** What kind of body a cluster is; an alliance is a cluster of clusters. */
public enum ClusterKind {
    CLUSTER, ALLIANCE, ASSOCIATION, FOUNDATION, PUBLIC_BODY
}

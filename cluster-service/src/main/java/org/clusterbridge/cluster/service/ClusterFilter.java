package org.clusterbridge.cluster.service;

import java.time.Instant;

import org.clusterbridge.cluster.domain.ClusterKind;
import org.clusterbridge.cluster.domain.ClusterStatus;

/** The filters of the cluster list; null means "any". */
public record ClusterFilter(String country, ClusterKind kind, String focusArea, ClusterStatus status, String q,
        Instant updatedSince) {
}

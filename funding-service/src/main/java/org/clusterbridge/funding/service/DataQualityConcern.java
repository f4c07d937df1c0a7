package org.clusterbridge.funding.service;

import java.util.List;
import java.util.UUID;

import org.clusterbridge.funding.domain.FigureSnapshot.Dates;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.KnownCluster;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.service.ClusterFunding.ConflictingReport;

/**
 * A plausibility flag or a conflict of a cluster's summary, as the data-quality list shows it: the reports behind
 * it with their sources. {@code cluster} is null when the cluster view does not know the cluster.
 */
public record DataQualityConcern(Kind kind, UUID clusterId, KnownCluster cluster, Indicator indicator, Nature nature,
        Dates period, List<ConflictingReport> reports) {

    /** What is wrong, in the list's order within one period end. */
    public enum Kind {
        /** A report more than five times up or down from the previous one: [previous, jumped]. */
        IMPLAUSIBLE_JUMP,
        /** Reports of one nature, period and dimension whose sources give different values. */
        CONFLICT
    }
}

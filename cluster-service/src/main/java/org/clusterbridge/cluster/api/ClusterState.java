package org.clusterbridge.cluster.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.cluster.domain.Cluster;
import org.clusterbridge.cluster.domain.ClusterKind;
import org.clusterbridge.cluster.domain.ClusterStatus;
import org.clusterbridge.cluster.domain.FoundedOn;
import org.clusterbridge.cluster.domain.Leader;
import org.clusterbridge.cluster.domain.MembershipReport;
import org.clusterbridge.cluster.service.ClusterEntry;

/**
 * A cluster as the API returns it: its whole state, and {@code allianceIds}, the alliances it is a member of
 * (read-time information that belongs to the alliances' state).
 */
public record ClusterState(
        UUID id,
        String slug,
        Map<String, String> names,
        Map<String, String> description,
        String acronym,
        ClusterKind kind,
        String legalForm,
        String country,
        String region,
        String city,
        FoundedOn foundedOn,
        String website,
        List<String> focusAreas,
        List<Leader> leaders,
        List<UUID> memberClusterIds,
        List<UUID> allianceIds,
        List<MembershipReport> membershipReports,
        ClusterStatus status,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static ClusterState of(ClusterEntry entry) {
        Cluster cluster = entry.cluster();
        return new ClusterState(cluster.id, cluster.slug, cluster.names, cluster.description, cluster.acronym,
                cluster.kind, cluster.legalForm, cluster.country, cluster.region, cluster.city,
                cluster.foundedOn == null ? null : new FoundedOn(cluster.foundedOn, cluster.foundedPrecision),
                cluster.website, List.copyOf(cluster.focusAreas), List.copyOf(cluster.leaders),
                List.copyOf(cluster.memberClusterIds), List.copyOf(entry.allianceIds()),
                List.copyOf(cluster.membershipReports), cluster.status, cluster.version, cluster.createdAt,
                cluster.createdBy, cluster.updatedAt, cluster.updatedBy);
    }
}

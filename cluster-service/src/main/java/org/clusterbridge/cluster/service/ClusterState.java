package org.clusterbridge.cluster.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.clusterbridge.cluster.domain.Cluster;
import org.clusterbridge.cluster.domain.ClusterKind;
import org.clusterbridge.cluster.domain.ClusterStatus;
import org.clusterbridge.cluster.domain.FoundedOn;
import org.clusterbridge.cluster.domain.Leader;
import org.clusterbridge.cluster.domain.MembershipReport;

/**
 * The whole state of a cluster: the representation the API returns and the {@code data} of cluster events.
 * {@code allianceIds} are the alliances the cluster is a member of: read-time information that belongs to the
 * alliances' state, so events leave it out.
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
        @JsonInclude(JsonInclude.Include.NON_NULL) List<UUID> allianceIds,
        List<MembershipReport> membershipReports,
        ClusterStatus status,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public static ClusterState of(Cluster cluster, List<UUID> allianceIds) {
        return new ClusterState(cluster.id, cluster.slug, cluster.names, cluster.description, cluster.acronym,
                cluster.kind, cluster.legalForm, cluster.country, cluster.region, cluster.city,
                cluster.foundedOn == null ? null : new FoundedOn(cluster.foundedOn, cluster.foundedPrecision),
                cluster.website, List.copyOf(cluster.focusAreas), List.copyOf(cluster.leaders),
                List.copyOf(cluster.memberClusterIds), allianceIds == null ? null : List.copyOf(allianceIds),
                List.copyOf(cluster.membershipReports), cluster.status, cluster.version, cluster.createdAt,
                cluster.createdBy, cluster.updatedAt, cluster.updatedBy);
    }
}

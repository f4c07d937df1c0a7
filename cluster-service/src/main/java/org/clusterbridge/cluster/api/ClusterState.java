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
import org.clusterbridge.rules.LanguageTags;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A cluster as the API returns it: its whole state, and {@code allianceIds}, the alliances it is a member of
 * (read-time information that belongs to the alliances' state).
 */
public record ClusterState(
        @Schema(required = true, readOnly = true, description = "The registry's id of the cluster") UUID id,
        @Schema(required = true) String slug,
        @Schema(required = true) Map<String, String> names,
        Map<String, String> description,
        String acronym,
        @Schema(required = true) ClusterKind kind,
        String legalForm,
        @Schema(required = true) String country,
        String region,
        String city,
        FoundedOn foundedOn,
        String website,
        @Schema(required = true) List<String> focusAreas,
        @Schema(required = true) List<Leader> leaders,
        @Schema(required = true) List<UUID> memberClusterIds,
        @Schema(required = true, readOnly = true,
                description = "The alliances the cluster is a member of") List<UUID> allianceIds,
        @Schema(required = true) List<MembershipReport> membershipReports,
        @Schema(required = true, readOnly = true) ClusterStatus status,
        @Schema(required = true, readOnly = true, description = "Incremented by every change; the ETag") long version,
        @Schema(required = true, readOnly = true) Instant createdAt,
        @Schema(readOnly = true,
                description = "Who registered it (a token's subject); null before auditing") String createdBy,
        @Schema(required = true, readOnly = true) Instant updatedAt,
        @Schema(readOnly = true, description = "Who made the latest change") String updatedBy) {

    public static ClusterState of(ClusterEntry entry) {
        Cluster cluster = entry.cluster();
        // Multilingual texts in one language order, so that a cluster just written reads as one read back from
        // its JSON columns (which keep keys in an order of their own): its stored representation is then exact.
        return new ClusterState(cluster.id, cluster.slug, LanguageTags.inOrder(cluster.names),
                LanguageTags.inOrder(cluster.description), cluster.acronym,
                cluster.kind, cluster.legalForm, cluster.country, cluster.region, cluster.city,
                cluster.foundedOn == null ? null : new FoundedOn(cluster.foundedOn, cluster.foundedPrecision),
                cluster.website, List.copyOf(cluster.focusAreas),
                cluster.leaders.stream().map(Leader::inLanguageOrder).toList(),
                List.copyOf(cluster.memberClusterIds), List.copyOf(entry.allianceIds()),
                List.copyOf(cluster.membershipReports), cluster.status, cluster.version, cluster.createdAt,
                cluster.createdBy, cluster.updatedAt, cluster.updatedBy);
    }
}

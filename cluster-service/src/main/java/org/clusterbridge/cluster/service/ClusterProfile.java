package org.clusterbridge.cluster.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A cluster (its JSON representation, as a read of it answers) with its agreements and latest funding figures,
 * from cluster-service's own views.
 */
public record ClusterProfile(StoredCluster cluster, Agreements agreements, List<LatestFigure> latestFigures) {

    /** The agreements involving the cluster (as a party or co-signing for its alliance). */
    public record Agreements(int count, int activeCount, List<Partner> partners, List<AgreementSummary> items) {
    }

    /** A cluster on the other side of at least one agreement; slug and names are null if it is not registered. */
    public record Partner(UUID clusterId, String slug, Map<String, String> names, int agreementCount) {
    }

    public record AgreementSummary(UUID id, String reference, Map<String, String> title, String kind,
            String status, LocalDate signedOn, LocalDate effectiveFrom, LocalDate expiresOn,
            List<UUID> partnerClusterIds, UUID viaAllianceId, long version) {
    }

    /** The latest figure of one indicator and nature, as funding-service reported it. */
    public record LatestFigure(UUID figureId, String indicator, String nature, JsonNode value, JsonNode period,
            JsonNode source, long version) {
    }
}

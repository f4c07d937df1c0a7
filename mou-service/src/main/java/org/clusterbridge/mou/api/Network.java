package org.clusterbridge.mou.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.AgreementStatus;

/**
 * The cooperation network: clusters (parties and co-signers) as nodes; one edge per agreement and pair of
 * parties, carrying the members co-signing for alliance parties.
 */
public record Network(List<Node> nodes, List<Edge> edges) {

    public record Node(UUID id, String slug, String name, Map<String, String> names, String acronym, String kind,
            String country, String status) {
    }

    public record Edge(UUID agreementId, String reference, String title, AgreementKind kind, AgreementStatus status,
            UUID source, UUID target, List<UUID> coSigners, LocalDate signedOn, LocalDate effectiveFrom,
            LocalDate expiresOn) {
    }
}

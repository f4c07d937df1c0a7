package org.clusterbridge.mou.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The cooperation network: clusters (parties and co-signers) as nodes; one edge per agreement and pair of
 * parties, carrying the members co-signing for alliance parties.
 */
public record Network(@Schema(required = true) List<Node> nodes, @Schema(required = true) List<Edge> edges,
        @Schema(required = true, description = "Whether matching agreements were left out (see limit)")
        boolean truncated,
        @Schema(required = true, description = "How many agreements matched the filters") int agreementCount) {

    /** A cluster; only the id while this service's view does not know it. */
    public record Node(@Schema(required = true) UUID id, String slug,
            @Schema(description = "The English name") String name,
            @Schema(description = AgreementRequest.MULTILINGUAL) Map<String, String> names, String acronym,
            String kind, @Schema(description = "ISO 3166-1 alpha-2") String country, String status) {
    }

    /** An agreement between two of its parties ({@code source} and {@code target} are node ids). */
    public record Edge(@Schema(required = true) UUID agreementId, @Schema(required = true) String reference,
            @Schema(required = true, description = "The English title") String title,
            @Schema(required = true) AgreementKind kind,
            @Schema(required = true, description = "On the day of the request") AgreementStatus status,
            @Schema(required = true) UUID source, @Schema(required = true) UUID target,
            @Schema(required = true) List<UUID> coSigners, @Schema(required = true) LocalDate signedOn,
            @Schema(required = true) LocalDate effectiveFrom, LocalDate expiresOn) {
    }
}

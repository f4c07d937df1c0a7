package org.clusterbridge.mou.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.domain.Term;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An agreement as served: its status on the day of the request, its parties' names as they are now, and who
 * recorded and last changed it (null for agreements recorded before auditing). Sent back in a {@code PUT}, its
 * read-only fields are ignored.
 */
public record AgreementRepresentation(
        @Schema(required = true, readOnly = true) UUID id,
        @Schema(required = true) String reference,
        @Schema(required = true, description = AgreementRequest.MULTILINGUAL) Map<String, String> title,
        @Schema(description = AgreementRequest.MULTILINGUAL) Map<String, String> purpose,
        @Schema(required = true) AgreementKind kind,
        @Schema(required = true, readOnly = true,
                description = "On the day of the request, from the dates and the termination")
                AgreementStatus status,
        @Schema(required = true) List<PartyRepresentation> parties,
        @Schema(required = true) List<SignatoryRepresentation> signatories,
        @Schema(required = true) LocalDate signedOn,
        @Schema(required = true, description = "signedOn unless the agreement states another start")
                LocalDate effectiveFrom,
        @Schema(required = true) boolean effectiveBeforeSigning,
        Term term,
        @Schema(description = "As stated, or the expiry the term gives; null for an open-ended agreement")
                LocalDate expiresOn,
        @Schema(required = true) List<String> focusAreas,
        SigningCeremonyRepresentation signingCeremony,
        @Schema(required = true) List<SourceDocumentRepresentation> sources,
        String notes,
        @Schema(readOnly = true, description = "Set by POST /api/agreements/{id}/termination")
                TerminationRepresentation termination,
        @Schema(required = true, readOnly = true, description = "Changes with every write; the ETag") long version,
        @Schema(readOnly = true) Instant createdAt,
        @Schema(readOnly = true) String createdBy,
        @Schema(readOnly = true) Instant updatedAt,
        @Schema(readOnly = true) String updatedBy) {
}

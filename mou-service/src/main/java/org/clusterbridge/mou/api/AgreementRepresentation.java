package org.clusterbridge.mou.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.domain.SourceDocument;
import org.clusterbridge.mou.domain.Term;
import org.clusterbridge.mou.domain.Termination;

/**
 * An agreement as served: its status on the day of the request, its parties' names as they are now, and who
 * recorded and last changed it (null for agreements recorded before auditing).
 */
public record AgreementRepresentation(
        UUID id, String reference, Map<String, String> title, Map<String, String> purpose, AgreementKind kind,
        AgreementStatus status, List<PartyRepresentation> parties, List<SignatoryRepresentation> signatories,
        LocalDate signedOn, LocalDate effectiveFrom, boolean effectiveBeforeSigning, Term term, LocalDate expiresOn,
        List<String> focusAreas, SigningCeremonyRepresentation signingCeremony, List<SourceDocument> sources,
        String notes, Termination termination,
        long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}

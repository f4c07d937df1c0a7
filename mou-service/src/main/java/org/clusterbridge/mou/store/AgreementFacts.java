package org.clusterbridge.mou.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.domain.Termination;

/**
 * The few fields of an agreement that a list filters, orders and counts by, read with a projection so that a
 * large selection moves only these: its id, reference and signing day (the list's order), the recorded status and
 * the dates its status derives from, its kind, focus areas, signers (the parties and co-signers, as the ids stored
 * for the per-cluster queries) and when it last changed ({@code null} for agreements recorded before auditing).
 */
public record AgreementFacts(String id, String reference, LocalDate signedOn, AgreementStatus recorded,
        AgreementKind kind, LocalDate effectiveFrom, LocalDate expiresOn, LocalDate terminatedOn,
        List<String> focusAreas, List<String> signers, Instant updatedAt) {

    /** Its status on {@code day}, as {@link Agreement#statusOn} derives it. */
    public AgreementStatus statusOn(LocalDate day) {
        return Agreement.statusOn(day, effectiveFrom, expiresOn,
                terminatedOn == null ? null : new Termination(terminatedOn, null));
    }
}

package org.clusterbridge.mou.store;

import java.time.LocalDate;
import java.util.List;

import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.domain.Termination;

/**
 * The few fields of an agreement that a list's facets count, read with a projection so that counting a large
 * selection moves only these: the dates its status derives from, its kind, its focus areas and its signers (the
 * parties and co-signers, as the ids stored for the per-cluster queries).
 */
public record AgreementFacts(AgreementKind kind, LocalDate effectiveFrom, LocalDate expiresOn, LocalDate terminatedOn,
        List<String> focusAreas, List<String> signers) {

    /** Its status on {@code day}, as {@link Agreement#statusOn} derives it. */
    public AgreementStatus statusOn(LocalDate day) {
        return Agreement.statusOn(day, effectiveFrom, expiresOn,
                terminatedOn == null ? null : new Termination(terminatedOn, null));
    }
}

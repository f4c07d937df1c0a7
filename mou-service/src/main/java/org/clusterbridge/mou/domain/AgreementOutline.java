package org.clusterbridge.mou.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the cooperation network draws of an agreement, and filters it by: who signed (parties with their
 * co-signers), what it is, its dates and focus areas. {@code version} is the agreement's version these facts are
 * from, so that a copy kept apart from the agreement can tell which of two copies is newer.
 */
public record AgreementOutline(UUID id, long version, String reference, String title, AgreementKind kind,
        List<Party> parties, LocalDate signedOn, LocalDate effectiveFrom, LocalDate expiresOn,
        LocalDate terminatedOn, List<String> focusAreas) {

    public AgreementOutline {
        parties = List.copyOf(parties);
        focusAreas = focusAreas == null ? List.of() : List.copyOf(focusAreas);
    }

    /** The outline of {@code agreement} as it is now; {@code title} is its English title. */
    public static AgreementOutline of(Agreement agreement) {
        return new AgreementOutline(agreement.id(), agreement.version(), agreement.reference(),
                agreement.title() == null ? null : agreement.title().get("en"), agreement.kind(),
                agreement.parties(), agreement.signedOn(), agreement.effectiveFrom(), agreement.expiresOn(),
                agreement.termination() == null ? null : agreement.termination().date(), agreement.focusAreas());
    }

    public AgreementStatus statusOn(LocalDate day) {
        return Agreement.statusOn(day, effectiveFrom, expiresOn,
                terminatedOn == null ? null : new Termination(terminatedOn, null));
    }

    /** The parties and the members co-signing for alliance parties, as {@link Agreement#signers}. */
    public Set<UUID> signers() {
        return Agreement.signers(parties);
    }
}

package org.clusterbridge.mou.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a client states about an agreement when it records or corrects it. {@code expiresOn} may be given
 * directly or follow from {@code term}; {@code effectiveFrom} defaults to {@code signedOn}, and may precede it
 * only when {@code effectiveBeforeSigning} says the agreement states so.
 */
public record AgreementDetails(
        String reference,
        Map<String, String> title,
        Map<String, String> purpose,
        AgreementKind kind,
        List<Party> parties,
        List<Signatory> signatories,
        LocalDate signedOn,
        LocalDate effectiveFrom,
        Boolean effectiveBeforeSigning,
        Term term,
        LocalDate expiresOn,
        List<String> focusAreas,
        SigningCeremony signingCeremony,
        List<SourceDocument> sources,
        String notes) {

    public AgreementDetails {
        signatories = signatories == null ? List.of() : signatories;
        focusAreas = focusAreas == null ? List.of() : focusAreas;
        sources = sources == null ? List.of() : sources;
    }

    public LocalDate startDate() {
        return effectiveFrom != null ? effectiveFrom : signedOn;
    }

    /**
     * These details as a correction of {@code current}. A representation shows the expiry a term gives as
     * {@code expiresOn}; sent back alongside a term, that derived date (the current one, or the one the term gives
     * from the stated start) says nothing more and is dropped. Any other {@code expiresOn} stays, for the rules to
     * refuse next to a term.
     */
    public AgreementDetails asCorrectionOf(Agreement current) {
        if (term == null || expiresOn == null) {
            return this;
        }
        boolean asRead = current.term() != null && expiresOn.equals(current.expiresOn());
        LocalDate start = startDate();
        boolean asGiven = term.givesExpiry() && start != null && expiresOn.equals(term.expiryFrom(start));
        if (!asRead && !asGiven) {
            return this;
        }
        return new AgreementDetails(reference, title, purpose, kind, parties, signatories, signedOn, effectiveFrom,
                effectiveBeforeSigning, term, null, focusAreas, signingCeremony, sources, notes);
    }

    /** The explicit expiry, or the one the term gives from the start date; null for an open-ended agreement. */
    public LocalDate expiryDate() {
        if (expiresOn != null) {
            return expiresOn;
        }
        LocalDate start = startDate();
        return term == null || start == null || term.years() == null && term.months() == null ? null
                : term.expiryFrom(start);
    }
}

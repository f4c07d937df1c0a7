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

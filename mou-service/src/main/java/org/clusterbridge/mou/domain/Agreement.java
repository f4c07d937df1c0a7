package org.clusterbridge.mou.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An agreement between clusters as recorded. {@code status} is the status when it was last written; the status
 * on any given day comes from {@link #statusOn}. {@code createdBy} and {@code updatedBy} name who recorded it and
 * who made the latest change (a token's subject or a service); agreements recorded before auditing have nulls.
 */
public record Agreement(
        UUID id,
        String reference,
        Map<String, String> title,
        Map<String, String> purpose,
        AgreementKind kind,
        AgreementStatus status,
        List<Party> parties,
        List<Signatory> signatories,
        LocalDate signedOn,
        LocalDate effectiveFrom,
        boolean effectiveBeforeSigning,
        Term term,
        LocalDate expiresOn,
        List<String> focusAreas,
        SigningCeremony signingCeremony,
        List<SourceDocument> sources,
        String notes,
        Termination termination,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** A newly recorded agreement (version 1) from what the client stated. */
    public static Agreement record(UUID id, AgreementDetails details, String by, Instant now, LocalDate today) {
        return from(id, details, null, 1, now, by, now, by, today);
    }

    /** This agreement corrected with {@code details}, one version later. */
    public Agreement correct(AgreementDetails details, String by, Instant now, LocalDate today) {
        return from(id, details, termination, version + 1, createdAt, createdBy, now, by, today);
    }

    public Agreement terminate(Termination termination, String by, Instant now, LocalDate today) {
        return with(termination, by, now, today);
    }

    /** This agreement with its recorded status brought up to {@code today}, one version later. */
    public Agreement restatedOn(LocalDate today, String by, Instant now) {
        return with(termination, by, now, today);
    }

    public AgreementStatus statusOn(LocalDate day) {
        return statusOn(day, effectiveFrom, expiresOn, termination);
    }

    /** The clusters that signed: the parties and the members co-signing for alliance parties. */
    public Set<UUID> signers() {
        return signers(parties);
    }

    /** The clusters signing as {@code parties}: each party and the members co-signing for it. */
    public static Set<UUID> signers(List<Party> parties) {
        Set<UUID> signers = new LinkedHashSet<>();
        for (Party party : parties) {
            signers.add(party.clusterId());
            signers.addAll(party.coSigners());
        }
        return signers;
    }

    public boolean terminated() {
        return termination != null;
    }

    /**
     * SIGNED before the effective date, EXPIRED from the expiry date on (five years from 2020-02-05 expires on
     * 2025-02-05), TERMINATED from the termination date on, ACTIVE in between.
     */
    public static AgreementStatus statusOn(LocalDate day, LocalDate effectiveFrom, LocalDate expiresOn,
            Termination termination) {
        if (termination != null && !day.isBefore(termination.date())) {
            return AgreementStatus.TERMINATED;
        }
        if (day.isBefore(effectiveFrom)) {
            return AgreementStatus.SIGNED;
        }
        if (expiresOn != null && !day.isBefore(expiresOn)) {
            return AgreementStatus.EXPIRED;
        }
        return AgreementStatus.ACTIVE;
    }

    /** This agreement one version later, with {@code termination} and the status it has {@code today}. */
    private Agreement with(Termination termination, String by, Instant now, LocalDate today) {
        return new Agreement(id, reference, title, purpose, kind,
                statusOn(today, effectiveFrom, expiresOn, termination), parties, signatories, signedOn,
                effectiveFrom, effectiveBeforeSigning, term, expiresOn, focusAreas, signingCeremony, sources, notes,
                termination, version + 1, createdAt, createdBy, now, by);
    }

    private static Agreement from(UUID id, AgreementDetails d, Termination termination, long version,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, LocalDate today) {
        LocalDate start = d.startDate();
        LocalDate expiry = d.expiryDate();
        return new Agreement(id, d.reference().strip(), Map.copyOf(d.title()),
                d.purpose() == null ? null : Map.copyOf(d.purpose()), d.kind(),
                statusOn(today, start, expiry, termination), List.copyOf(d.parties()), List.copyOf(d.signatories()),
                d.signedOn(), start, Boolean.TRUE.equals(d.effectiveBeforeSigning()), d.term(), expiry,
                List.copyOf(d.focusAreas()), d.signingCeremony(), List.copyOf(d.sources()), d.notes(), termination,
                version, createdAt, createdBy, updatedAt, updatedBy);
    }
}

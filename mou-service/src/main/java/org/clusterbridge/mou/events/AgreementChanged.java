package org.clusterbridge.mou.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.domain.Party;
import org.clusterbridge.mou.domain.Signatory;
import org.clusterbridge.mou.domain.SigningCeremony;
import org.clusterbridge.mou.domain.SourceDocument;
import org.clusterbridge.mou.domain.Term;
import org.clusterbridge.mou.domain.Termination;

/**
 * The data of every agreement event (contracts/events/agreement.data.schema.json): the agreement's whole state
 * after the change, with the status recorded with it. Its components, in this order, are the event contract; the
 * value types inside are the domain's, whose fields the schema lists too.
 */
public record AgreementChanged(
        UUID id, String reference, Map<String, String> title, Map<String, String> purpose, AgreementKind kind,
        AgreementStatus status, List<Party> parties, List<Signatory> signatories,
        LocalDate signedOn, LocalDate effectiveFrom, boolean effectiveBeforeSigning, Term term, LocalDate expiresOn,
        List<String> focusAreas, SigningCeremony signingCeremony, List<SourceDocument> sources, String notes,
        Termination termination,
        long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public static AgreementChanged of(Agreement a) {
        return new AgreementChanged(a.id(), a.reference(), a.title(), a.purpose(), a.kind(), a.status(), a.parties(),
                a.signatories(), a.signedOn(), a.effectiveFrom(), a.effectiveBeforeSigning(), a.term(),
                a.expiresOn(), a.focusAreas(), a.signingCeremony(), a.sources(), a.notes(), a.termination(),
                a.version(), a.createdAt(), a.createdBy(), a.updatedAt(), a.updatedBy());
    }
}

package org.clusterbridge.mou.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.api.Page;
import org.clusterbridge.api.export.Keyset;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementOutline;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.domain.ClusterSummary;
import org.clusterbridge.mou.domain.Party;
import org.clusterbridge.mou.domain.Signatory;
import org.clusterbridge.mou.service.KnownClusters;
import org.clusterbridge.mou.service.Today;

/**
 * Builds what clients see: statuses on today's date and cluster names from the view at read time (one lookup
 * per response), so a renamed cluster shows its new name without any agreement being rewritten.
 */
@ApplicationScoped
public class AgreementRepresentations {

    private final KnownClusters clusters;
    private final Today today;

    AgreementRepresentations(KnownClusters clusters, Today today) {
        this.clusters = clusters;
        this.today = today;
    }

    public AgreementRepresentation of(Agreement agreement) {
        return of(List.of(agreement)).get(0);
    }

    public Page<AgreementRepresentation> of(Page<Agreement> page) {
        return new Page<>(of(page.items()), page.page(), page.size(), page.total());
    }

    public List<AgreementRepresentation> of(List<Agreement> agreements) {
        Map<UUID, ClusterSummary> known = clusters.find(signers(agreements));
        LocalDate day = today.date();
        return agreements.stream().map(a -> of(a, known, day)).toList();
    }

    /**
     * The representations of {@code agreements}, built while iterated {@code batch} agreements at a time, with one
     * lookup of the clusters per batch: an export holds one batch, never the whole list.
     */
    public Iterator<AgreementRepresentation> of(Iterator<Agreement> agreements, int batch) {
        // The source iterator is positioned after the last item handed out: its next batch is what follows it.
        return Keyset.of(last -> of(next(agreements, batch)));
    }

    private static List<Agreement> next(Iterator<Agreement> agreements, int batch) {
        List<Agreement> next = new ArrayList<>(batch);
        while (next.size() < batch && agreements.hasNext()) {
            next.add(agreements.next());
        }
        return next;
    }

    /**
     * The network of {@code matches} (in signing order), drawn from at most {@code limit} of them: the latest
     * signed, still in signing order; their signers as nodes (in order of first appearance), their edges.
     */
    public Network network(List<AgreementOutline> matches, int limit) {
        List<AgreementOutline> outlines = matches.size() <= limit ? matches
                : matches.subList(matches.size() - limit, matches.size());
        List<Set<UUID>> signersOf = outlines.stream().map(AgreementOutline::signers).toList();
        Set<UUID> signers = new LinkedHashSet<>();
        signersOf.forEach(signers::addAll);
        Map<UUID, ClusterSummary> known = clusters.find(signers);
        LocalDate day = today.date();
        Map<UUID, Network.Node> nodes = new LinkedHashMap<>();
        List<Network.Edge> edges = new ArrayList<>();
        for (int k = 0; k < outlines.size(); k++) {
            AgreementOutline agreement = outlines.get(k);
            for (UUID id : signersOf.get(k)) {
                nodes.computeIfAbsent(id, key -> node(key, known.get(key)));
            }
            AgreementStatus status = agreement.statusOn(day);
            List<Party> parties = agreement.parties();
            for (int i = 0; i < parties.size(); i++) {
                for (int j = i + 1; j < parties.size(); j++) {
                    List<UUID> coSigners = new ArrayList<>(parties.get(i).coSigners());
                    coSigners.addAll(parties.get(j).coSigners());
                    edges.add(new Network.Edge(agreement.id(), agreement.reference(), agreement.title(),
                            agreement.kind(), status, parties.get(i).clusterId(), parties.get(j).clusterId(),
                            coSigners, agreement.signedOn(), agreement.effectiveFrom(), agreement.expiresOn()));
                }
            }
        }
        return new Network(List.copyOf(nodes.values()), edges, outlines.size() < matches.size(), matches.size());
    }

    private static Network.Node node(UUID id, ClusterSummary c) {
        return c == null ? new Network.Node(id, null, null, null, null, null, null, null)
                : new Network.Node(id, c.slug(), c.name(), c.names(), c.acronym(), c.kind(), c.country(), c.status());
    }

    private static Set<UUID> signers(Collection<Agreement> agreements) {
        Set<UUID> ids = new LinkedHashSet<>();
        agreements.forEach(a -> ids.addAll(a.signers()));
        return ids;
    }

    private static AgreementRepresentation of(Agreement a, Map<UUID, ClusterSummary> known, LocalDate day) {
        List<PartyRepresentation> parties = a.parties().stream().map(p -> {
            ClusterReference party = ClusterReference.of(p.clusterId(), known.get(p.clusterId()));
            return new PartyRepresentation(p.clusterId(), party.slug(), party.names(), party.acronym(), party.kind(),
                    party.country(), party.status(),
                    p.coSigners().stream().map(id -> ClusterReference.of(id, known.get(id))).toList());
        }).toList();
        List<SignatoryRepresentation> signatories = a.signatories().stream().map((Signatory s) -> {
            ClusterSummary cluster = known.get(s.clusterId());
            return new SignatoryRepresentation(s.name(), s.nativeName(), s.title(), s.clusterId(),
                    cluster == null ? null : cluster.names());
        }).toList();
        return new AgreementRepresentation(a.id(), a.reference(), a.title(), a.purpose(), a.kind(), a.statusOn(day),
                parties, signatories, a.signedOn(), a.effectiveFrom(), a.effectiveBeforeSigning(), a.term(),
                a.expiresOn(), a.focusAreas(), SigningCeremonyRepresentation.of(a.signingCeremony()),
                a.sources() == null ? null : a.sources().stream().map(SourceDocumentRepresentation::of).toList(),
                a.notes(),
                TerminationRepresentation.of(a.termination()), a.version(), a.createdAt(), a.createdBy(),
                a.updatedAt(), a.updatedBy());
    }
}

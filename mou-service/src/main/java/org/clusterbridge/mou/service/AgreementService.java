package org.clusterbridge.mou.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.api.security.Actor;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementDetails;
import org.clusterbridge.mou.domain.AgreementOutline;
import org.clusterbridge.mou.domain.AgreementQuery;
import org.clusterbridge.mou.domain.AgreementRules;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.domain.ClusterSummary;
import org.clusterbridge.mou.domain.Party;
import org.clusterbridge.mou.domain.Termination;
import org.clusterbridge.mou.events.AgreementChanged;
import org.clusterbridge.mou.store.AgreementSelection;
import org.clusterbridge.mou.store.AgreementStore;
import org.clusterbridge.mou.store.ClusterViewStore;
import org.clusterbridge.rules.DomainException;
import org.clusterbridge.rules.Violation;

/** The use cases of the agreement register. Each write is one single-document write carrying its event. */
@ApplicationScoped
public class AgreementService {

    static final String AGGREGATE = "agreement";
    private static final int ATTEMPTS = 5;
    private static final Comparator<AgreementOutline> NETWORK_ORDER = Comparator
            .comparing(AgreementOutline::signedOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AgreementOutline::reference, Comparator.nullsLast(Comparator.naturalOrder()));

    private final AgreementStore store;
    private final ClusterViewStore clusters;
    private final CloudEvents cloudEvents;
    private final Today today;
    private final Clock clock = Clock.systemUTC();

    AgreementService(AgreementStore store, ClusterViewStore clusters, CloudEvents cloudEvents, Today today) {
        this.store = store;
        this.clusters = clusters;
        this.cloudEvents = cloudEvents;
        this.today = today;
    }

    public Agreement create(AgreementDetails details, Actor actor) {
        validate(details);
        Agreement agreement = Agreement.record(UUID.randomUUID(), details, actor.subject(), now(), today.date());
        store.insert(agreement, event("signed", agreement, actor));
        return agreement;
    }

    public Agreement get(UUID id) {
        return store.find(id).orElseThrow(() -> DomainException.notFound("agreement", id));
    }

    /**
     * Replaces the agreement's details ({@code PUT}, and {@code PATCH} once the patch is applied); {@code expected}
     * must be its current version (the client's If-Match).
     */
    public Agreement update(UUID id, long expected, AgreementDetails details, Actor actor) {
        Agreement current = get(id);
        if (current.version() != expected) {
            throw DomainException.staleVersion(current.version());
        }
        AgreementDetails correction = details == null ? null : details.asCorrectionOf(current);
        validate(correction);
        Agreement changed = current.correct(correction, actor.subject(), now(), today.date());
        if (!store.replace(current, changed, event("updated", changed, actor))) {
            throw DomainException.staleVersion(get(id).version());
        }
        return changed;
    }

    public Agreement terminate(UUID id, Termination termination, Actor actor) {
        for (int attempt = 1;; attempt++) {
            Agreement current = get(id);
            if (current.terminated()) {
                throw DomainException.conflict("already-terminated", "agreement " + current.reference()
                        + " was already terminated on " + current.termination().date(), null);
            }
            List<Violation> violations = AgreementRules.checkTermination(termination, current, today.date());
            if (!violations.isEmpty()) {
                throw DomainException.invalid(violations);
            }
            Termination clean = new Termination(termination.date(), termination.reason().strip());
            Agreement terminated = current.terminate(clean, actor.subject(), now(), today.date());
            if (store.replace(current, terminated, event("terminated", terminated, actor))) {
                return terminated;
            }
            if (attempt >= ATTEMPTS) {
                throw DomainException.staleVersion(get(id).version());
            }
        }
    }

    /** What the register's list selects with {@code query}. */
    public AgreementMatches matching(AgreementQuery query) {
        return matches(query, query.clusterId() == null ? null : List.of(query.clusterId()));
    }

    /** What a cluster's list selects with {@code query}: signed by it, or by an alliance it is a member of. */
    public AgreementMatches ofCluster(UUID clusterId, AgreementQuery query) {
        List<UUID> reach = new ArrayList<>();
        reach.add(clusterId);
        reach.addAll(clusters.alliancesOf(clusterId));
        return matches(query, reach);
    }

    /**
     * The outline of every agreement matching the filters (each optional), for the network, in signing order
     * (then by reference): {@code status} on today's date, {@code country} any signer's as the view has it, and
     * {@code focusArea} one of its areas. Read from the network's read model, not by filtering the agreements.
     */
    public List<AgreementOutline> network(AgreementStatus status, String country, String focusArea) {
        LocalDate day = today.date();
        List<AgreementOutline> outlines = store.outlines().stream()
                .filter(o -> status == null || o.statusOn(day) == status)
                .filter(o -> focusArea == null || o.focusAreas().contains(focusArea))
                .toList();
        if (country != null && !outlines.isEmpty()) {
            Set<String> signers = new HashSet<>();
            outlines.forEach(o -> o.signers().forEach(id -> signers.add(id.toString())));
            Map<String, String> countries = clusters.countries(signers);
            outlines = outlines.stream().filter(o -> o.signers().stream()
                    .anyMatch(id -> country.equals(countries.get(id.toString())))).toList();
        }
        return outlines.stream().sorted(NETWORK_ORDER).toList();
    }

    /**
     * Brings recorded statuses up to date: an agreement that became effective gets an {@code updated} event, one
     * that expired an {@code expired} event. The update is filtered by version and by the recorded status, so
     * when several instances run this at once exactly one of them records (and emits) each change. {@code actor}
     * is the service acting on its own schedule.
     */
    public int restate(LocalDate day, int limit, Actor actor) {
        int changed = 0;
        for (Agreement current : store.findDueForRestatement(day, limit)) {
            Agreement restated = current.restatedOn(day, actor.subject(), now());
            if (restated.status() == current.status()) {
                continue;
            }
            String change = restated.status() == AgreementStatus.EXPIRED ? "expired" : "updated";
            if (store.restate(current, restated, event(change, restated, actor))) {
                changed++;
            }
        }
        return changed;
    }

    private AgreementMatches matches(AgreementQuery query, List<UUID> signers) {
        return new AgreementMatches(store, clusters, select(query, signers).orElse(null));
    }

    /**
     * What the query selects; empty when it cannot match (no cluster in the country). The country filter matches
     * agreements that any party or co-signer of that country signed: the view gives the ids, or, for some
     * clusters' agreements ({@code signers}), the countries of their matches' signers ({@link AgreementMatches}).
     */
    private Optional<AgreementSelection> select(AgreementQuery query, List<UUID> signers) {
        List<UUID> inCountry = null;
        if (query.country() != null && signers == null) {
            inCountry = clusters.inCountry(query.country());
            if (inCountry.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of(new AgreementSelection(query, signers, inCountry, today.date()));
    }

    private void validate(AgreementDetails details) {
        if (details == null) {
            throw DomainException.invalid("body", "is required");
        }
        List<Violation> violations = AgreementRules.check(details, today.date());
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        checkClusters(details.parties());
    }

    /** Parties and co-signers must be known, not retired, and co-signers members of the alliance they sign for. */
    private void checkClusters(List<Party> parties) {
        Set<UUID> ids = new LinkedHashSet<>();
        parties.forEach(p -> {
            ids.add(p.clusterId());
            ids.addAll(p.coSigners());
        });
        Map<UUID, ClusterSummary> known = clusters.find(ids);
        List<Violation> errors = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            Party party = parties.get(i);
            ClusterSummary cluster = usable(known, party.clusterId(), "parties[" + i + "].clusterId", errors);
            for (int j = 0; j < party.coSigners().size(); j++) {
                UUID coSigner = party.coSigners().get(j);
                String field = "parties[" + i + "].coSigners[" + j + "]";
                ClusterSummary member = usable(known, coSigner, field, errors);
                if (cluster != null && member != null && !cluster.memberClusterIds().contains(coSigner)) {
                    errors.add(new Violation(field, "cluster " + member.name() + " (" + coSigner
                            + ") is not a member of " + cluster.name() + ", for which it would co-sign"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.unprocessable("unusable-party", errors);
        }
    }

    private static ClusterSummary usable(Map<UUID, ClusterSummary> known, UUID id, String field,
            List<Violation> errors) {
        ClusterSummary cluster = known.get(id);
        if (cluster == null) {
            errors.add(new Violation(field, "cluster " + id + " is not known"));
            return null;
        }
        if (cluster.retired()) {
            errors.add(new Violation(field, "cluster " + cluster.name() + " (" + id + ") is retired"));
            return null;
        }
        return cluster;
    }

    private CloudEvent event(String change, Agreement agreement, Actor actor) {
        return cloudEvents.create(AGGREGATE, change, agreement.id(), agreement.version(), actor.subject(),
                AgreementChanged.of(agreement));
    }

    /** Milliseconds, as the events' times: what is stored reads back the same everywhere. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}

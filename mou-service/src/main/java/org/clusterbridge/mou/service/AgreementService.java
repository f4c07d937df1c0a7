package org.clusterbridge.mou.service;

import static com.mongodb.client.model.Filters.ne;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.Filters;

import org.bson.conversions.Bson;
import org.clusterbridge.api.Page;
import org.clusterbridge.api.PageRequest;
import org.clusterbridge.api.Problem.FieldError;
import org.clusterbridge.api.ProblemException;
import org.clusterbridge.api.Versions;
import org.clusterbridge.api.security.Actor;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementDetails;
import org.clusterbridge.mou.domain.AgreementRules;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.clusterbridge.mou.domain.Party;
import org.clusterbridge.mou.domain.RuleViolation;
import org.clusterbridge.mou.domain.Termination;
import org.clusterbridge.mou.events.ClusterSummary;
import org.clusterbridge.mou.events.ClusterView;

/** The use cases of the agreement register. Each write is one single-document write carrying its event. */
@ApplicationScoped
public class AgreementService {

    static final String AGGREGATE = "agreement";
    private static final int ATTEMPTS = 5;

    private final AgreementStore store;
    private final ClusterView clusters;
    private final CloudEvents cloudEvents;
    private final Today today;
    private final Clock clock = Clock.systemUTC();

    AgreementService(AgreementStore store, ClusterView clusters, CloudEvents cloudEvents, Today today) {
        this.store = store;
        this.clusters = clusters;
        this.cloudEvents = cloudEvents;
        this.today = today;
    }

    public Agreement create(AgreementDetails details, Actor actor) {
        validate(details);
        Agreement agreement = Agreement.record(UUID.randomUUID(), details, actor.subject(), now(), today.date());
        if (!store.insert(agreement, event("signed", agreement, actor))) {
            throw duplicateReference(agreement.reference());
        }
        return agreement;
    }

    public Agreement get(UUID id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("agreement", id));
    }

    /** Replaces the agreement's details; {@code ifMatch} must name its current version. */
    public Agreement update(UUID id, String ifMatch, AgreementDetails details, Actor actor) {
        long expected = Versions.expected(ifMatch);
        Agreement current = get(id);
        if (current.version() != expected) {
            throw Versions.stale(current.version());
        }
        validate(details);
        Agreement changed = current.correct(details, actor.subject(), now(), today.date());
        boolean replaced;
        try {
            replaced = store.replace(expected, changed, event("updated", changed, actor));
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw duplicateReference(changed.reference());
            }
            throw e;
        }
        if (!replaced) {
            throw Versions.stale(get(id).version());
        }
        return changed;
    }

    public Agreement terminate(UUID id, Termination termination, Actor actor) {
        for (int attempt = 1;; attempt++) {
            Agreement current = get(id);
            if (current.terminated()) {
                throw ProblemException.conflict("already-terminated", "agreement " + current.reference()
                        + " was already terminated on " + current.termination().date(), null);
            }
            List<RuleViolation> violations = AgreementRules.checkTermination(termination, current, today.date());
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(errors(violations));
            }
            Termination clean = new Termination(termination.date(), termination.reason().strip());
            Agreement terminated = current.terminate(clean, actor.subject(), now(), today.date());
            if (store.replace(current.version(), terminated, event("terminated", terminated, actor))) {
                return terminated;
            }
            if (attempt >= ATTEMPTS) {
                throw Versions.stale(get(id).version());
            }
        }
    }

    public Page<Agreement> list(AgreementQuery query, PageRequest page) {
        List<UUID> signers = null;
        if (query.clusterId() != null) {
            signers = List.of(query.clusterId());
        }
        return page(query, signers, page);
    }

    /** The agreements of a cluster: signed by it, or by an alliance it is a member of. */
    public Page<Agreement> ofCluster(UUID clusterId, AgreementQuery query, PageRequest page) {
        List<UUID> reach = new ArrayList<>();
        reach.add(clusterId);
        reach.addAll(clusters.alliancesOf(clusterId));
        return page(query, reach, page);
    }

    /** Every agreement matching the status and country filters, for the network. */
    public List<Agreement> network(AgreementStatus status, String country) {
        AgreementQuery query = new AgreementQuery(null, status, country, null, null, null, null);
        return filter(query, null).map(store::findAll).orElseGet(List::of);
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
            if (store.replace(current.version(), restated, event(change, restated, actor),
                    ne("status", restated.status().name()))) {
                changed++;
            }
        }
        return changed;
    }

    private Page<Agreement> page(AgreementQuery query, List<UUID> signers, PageRequest page) {
        return filter(query, signers)
                .map(filter -> new Page<>(store.find(filter, page.offset(), page.size()), page.page(), page.size(),
                        store.count(filter)))
                .orElseGet(() -> new Page<>(List.of(), page.page(), page.size(), 0));
    }

    /**
     * The query as one MongoDB filter; empty when it cannot match (no cluster in the country). The country
     * filter matches agreements that any party or co-signer of that country signed: the view gives the ids.
     */
    private Optional<Bson> filter(AgreementQuery query, List<UUID> signers) {
        List<Bson> filters = new ArrayList<>();
        filters.add(AgreementStore.filter(query, signers, today.date()));
        if (query.country() != null) {
            List<UUID> inCountry = clusters.inCountry(query.country());
            if (inCountry.isEmpty()) {
                return Optional.empty();
            }
            filters.add(AgreementStore.signedByAny(inCountry));
        }
        return Optional.of(Filters.and(filters));
    }

    private void validate(AgreementDetails details) {
        if (details == null) {
            throw ProblemException.invalid("body", "is required");
        }
        List<RuleViolation> violations = AgreementRules.check(details, today.date());
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(errors(violations));
        }
        checkClusters(details.parties());
    }

    /** Parties and co-signers must be known, not retired, and co-signers members of the alliance they sign for. */
    private void checkClusters(List<Party> parties) {
        Set<UUID> ids = new java.util.LinkedHashSet<>();
        parties.forEach(p -> {
            ids.add(p.clusterId());
            ids.addAll(p.coSigners());
        });
        Map<UUID, ClusterSummary> known = clusters.find(ids);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            Party party = parties.get(i);
            ClusterSummary cluster = usable(known, party.clusterId(), "parties[" + i + "].clusterId", errors);
            for (int j = 0; j < party.coSigners().size(); j++) {
                UUID coSigner = party.coSigners().get(j);
                String field = "parties[" + i + "].coSigners[" + j + "]";
                ClusterSummary member = usable(known, coSigner, field, errors);
                if (cluster != null && member != null && !cluster.memberClusterIds().contains(coSigner)) {
                    errors.add(new FieldError(field, "cluster " + member.name() + " (" + coSigner
                            + ") is not a member of " + cluster.name() + ", for which it would co-sign"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("unusable-party", errors);
        }
    }

    private static ClusterSummary usable(Map<UUID, ClusterSummary> known, UUID id, String field,
            List<FieldError> errors) {
        ClusterSummary cluster = known.get(id);
        if (cluster == null) {
            errors.add(new FieldError(field, "cluster " + id + " is not known"));
            return null;
        }
        if (cluster.retired()) {
            errors.add(new FieldError(field, "cluster " + cluster.name() + " (" + id + ") is retired"));
            return null;
        }
        return cluster;
    }

    private CloudEvent event(String change, Agreement agreement, Actor actor) {
        return cloudEvents.create(AGGREGATE, change, agreement.id(), agreement.version(), actor.subject(),
                agreement);
    }

    /** Milliseconds, as the events' times: what is stored reads back the same everywhere. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static ProblemException duplicateReference(String reference) {
        return ProblemException.conflict("duplicate-reference",
                "an agreement with reference " + reference + " already exists", "reference");
    }

    private static List<FieldError> errors(List<RuleViolation> violations) {
        return violations.stream().map(v -> new FieldError(v.field(), v.message())).toList();
    }
}

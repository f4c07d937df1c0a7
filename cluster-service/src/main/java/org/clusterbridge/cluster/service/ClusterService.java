package org.clusterbridge.cluster.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.clusterbridge.api.security.Actor;
import org.clusterbridge.cluster.domain.Cluster;
import org.clusterbridge.cluster.domain.ClusterDetails;
import org.clusterbridge.cluster.domain.ClusterKind;
import org.clusterbridge.cluster.events.ClusterChanged;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.postgresql.PostgresOutbox;
import org.clusterbridge.rules.DomainException;
import org.clusterbridge.rules.IdOrSlug;
import org.clusterbridge.rules.Violation;

/** Registers, updates and retires clusters; every change is stored with its event in one transaction. */
@ApplicationScoped
public class ClusterService {

    private final EntityManager entityManager;
    private final PostgresOutbox outbox;
    private final CloudEvents cloudEvents;
    private final Clock clock = Clock.systemUTC();

    ClusterService(EntityManager entityManager, PostgresOutbox outbox, CloudEvents cloudEvents) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.cloudEvents = cloudEvents;
    }

    @Transactional
    public ClusterEntry register(ClusterDetails details, Actor actor) {
        UUID id = UUID.randomUUID();
        validate(id, details, List.of());
        if (Cluster.count("slug", details.slug()) > 0) {
            throw duplicateSlug(details.slug());
        }
        Cluster cluster = Cluster.register(id, details, actor.subject(), Instant.now(clock));
        cluster.persist();
        flushUniqueSlug(details.slug());
        publish(cluster, "registered", actor);
        return new ClusterEntry(cluster, List.of());
    }

    /** Replaces the details of the cluster at version {@code expected} (the version the client read). */
    @Transactional
    public ClusterEntry update(String idOrSlug, long expected, ClusterDetails details, Actor actor) {
        // The row lock makes concurrent updates with the same If-Match wait here: the second sees the new version.
        Cluster cluster = locate(idOrSlug, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("cluster", idOrSlug));
        if (expected != cluster.version) {
            throw DomainException.staleVersion(cluster.version);
        }
        if (!cluster.isActive()) {
            throw DomainException.conflict("cluster-retired", "cluster " + cluster.slug
                    + " is retired and can no longer be changed", null);
        }
        validate(cluster.id, details, cluster.memberClusterIds);
        if (!details.slug().equals(cluster.slug) && Cluster.count("slug", details.slug()) > 0) {
            throw duplicateSlug(details.slug());
        }
        if (cluster.details().equals(details)) {
            return entry(cluster);
        }
        cluster.update(details, actor.subject(), Instant.now(clock));
        flushUniqueSlug(details.slug());
        publish(cluster, "updated", actor);
        return entry(cluster);
    }

    /** Retires the cluster; it stays readable. Retiring a retired cluster changes nothing. */
    @Transactional
    public ClusterEntry retire(String idOrSlug, Actor actor) {
        Cluster cluster = locate(idOrSlug, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("cluster", idOrSlug));
        if (cluster.retire(actor.subject(), Instant.now(clock))) {
            publish(cluster, "retired", actor);
        }
        return entry(cluster);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClusterEntry> find(String idOrSlug) {
        return locate(idOrSlug, LockModeType.NONE).map(this::entry);
    }

    /** The clusters as the registry answers them, each with the alliances listing it as a member. */
    List<ClusterEntry> entries(List<Cluster> found) {
        Map<UUID, List<UUID>> alliances = alliancesOf(found.stream().map(c -> c.id).toList());
        return found.stream().map(c -> new ClusterEntry(c, alliances.getOrDefault(c.id, List.of()))).toList();
    }

    private ClusterEntry entry(Cluster cluster) {
        return new ClusterEntry(cluster, alliancesOf(List.of(cluster.id)).getOrDefault(cluster.id, List.of()));
    }

    /** For each cluster, the alliances listing it as a member (a cluster may belong to several). */
    private Map<UUID, List<UUID>> alliancesOf(List<UUID> ids) {
        Map<UUID, List<UUID>> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT CAST(m.member AS uuid), a.id FROM cluster a
                CROSS JOIN LATERAL jsonb_array_elements_text(a.member_cluster_ids) AS m(member)
                WHERE a.kind = 'ALLIANCE'
                  AND jsonb_exists_any(a.member_cluster_ids, string_to_array(CAST(:ids AS text), ','))
                ORDER BY lower(a.name_en), a.id
                """).setParameter("ids", String.join(",", ids.stream().map(UUID::toString).toList()))
                .getResultList();
        for (Object[] row : rows) {
            UUID member = (UUID) row[0];
            if (ids.contains(member)) {
                result.computeIfAbsent(member, key -> new ArrayList<>()).add((UUID) row[1]);
            }
        }
        return result;
    }

    private Optional<Cluster> locate(String idOrSlug, LockModeType lock) {
        return IdOrSlug.of(idOrSlug).find(id -> Optional.ofNullable(Cluster.findById(id, lock)),
                slug -> Cluster.<Cluster> find("slug", slug).withLock(lock).firstResultOptional());
    }

    private void validate(UUID id, ClusterDetails details, List<UUID> currentMembers) {
        List<Violation> violations = details.violations(id, LocalDate.now(clock));
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        List<Violation> members = new ArrayList<>();
        List<UUID> ids = details.memberClusterIds();
        Map<UUID, Cluster> found = new HashMap<>();
        if (!ids.isEmpty()) {
            Cluster.<Cluster> list("id in ?1", ids).forEach(c -> found.put(c.id, c));
        }
        for (int i = 0; i < ids.size(); i++) {
            Cluster member = found.get(ids.get(i));
            String field = "memberClusterIds[" + i + "]";
            if (member == null) {
                members.add(new Violation(field, "cluster " + ids.get(i) + " does not exist"));
            } else if (!member.isActive() && !currentMembers.contains(member.id)) {
                members.add(new Violation(field, "cluster " + member.slug + " (" + member.id
                        + ") is retired and cannot join an alliance"));
            } else if (member.kind == ClusterKind.ALLIANCE) {
                members.add(new Violation(field, "cluster " + member.slug + " (" + member.id
                        + ") is an alliance; alliances do not nest"));
            }
        }
        if (!members.isEmpty()) {
            throw DomainException.unprocessable("invalid-alliance-member", members);
        }
    }

    private void flushUniqueSlug(String slug) {
        try {
            entityManager.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            throw duplicateSlug(slug);
        }
    }

    private static DomainException duplicateSlug(String slug) {
        return DomainException.conflict("duplicate-slug", "a cluster with slug " + slug + " already exists",
                "slug");
    }

    private void publish(Cluster cluster, String change, Actor actor) {
        outbox.append(EventTopics.CLUSTER_EVENTS, cloudEvents.create("cluster", change, cluster.id, cluster.version,
                actor.subject(), ClusterChanged.of(cluster)));
    }
}

package org.clusterbridge.cluster.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/**
 * Registers, updates and retires clusters; every change is stored with its event in one transaction, together with
 * the cluster's JSON representation of the new version, which reads by id or slug send as stored. An alliance's
 * change of members, kind or name also moves each member it adds or drops (or reorders) to a new version listing
 * its alliances, with an event of its own.
 */
@ApplicationScoped
public class ClusterService {

    private final EntityManager entityManager;
    private final PostgresOutbox outbox;
    private final CloudEvents cloudEvents;
    private final ClusterRepresentation representation;
    /** Microseconds, as PostgreSQL keeps them: what a write answers is what later reads answer. */
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));

    ClusterService(EntityManager entityManager, PostgresOutbox outbox, CloudEvents cloudEvents,
            ClusterRepresentation representation) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.cloudEvents = cloudEvents;
        this.representation = representation;
    }

    @Transactional
    public ClusterEntry register(ClusterDetails details, Actor actor) {
        UUID id = UUID.randomUUID();
        validate(id, details, List.of());
        // No look-up first: the insert itself meets the slug's unique constraint (flushUniqueSlug), one round trip
        // less on every registration.
        Instant now = Instant.now(clock);
        Cluster cluster = Cluster.register(id, details, actor.subject(), now);
        represent(cluster);
        cluster.persist();
        flushUniqueSlug(details.slug());
        publish(cluster, "registered", actor);
        if (cluster.kind == ClusterKind.ALLIANCE) {
            updateMemberships(cluster.memberClusterIds, actor, now);
        }
        return ClusterEntry.of(cluster);
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
            return ClusterEntry.of(cluster);
        }
        boolean listsMembers = cluster.kind == ClusterKind.ALLIANCE || details.kind() == ClusterKind.ALLIANCE;
        boolean membershipsChange = listsMembers && (cluster.kind != details.kind()
                || !cluster.memberClusterIds.equals(details.memberClusterIds())
                || !cluster.nameEn.equals(details.names().get("en")));
        Set<UUID> members = new HashSet<>(cluster.memberClusterIds);
        members.addAll(details.memberClusterIds());
        Instant now = Instant.now(clock);
        cluster.update(details, actor.subject(), now);
        represent(cluster);
        flushUniqueSlug(details.slug());
        publish(cluster, "updated", actor);
        if (membershipsChange) {
            updateMemberships(members, actor, now);
        }
        return ClusterEntry.of(cluster);
    }

    /** Retires the cluster; it stays readable. Retiring a retired cluster changes nothing. */
    @Transactional
    public ClusterEntry retire(String idOrSlug, Actor actor) {
        Cluster cluster = locate(idOrSlug, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("cluster", idOrSlug));
        if (cluster.retire(actor.subject(), Instant.now(clock))) {
            represent(cluster);
            publish(cluster, "retired", actor);
        }
        return ClusterEntry.of(cluster);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClusterEntry> find(String idOrSlug) {
        return locate(idOrSlug, LockModeType.NONE).map(ClusterEntry::of);
    }

    /**
     * The cluster's JSON representation at its current version: its two stored columns, read by the primary key
     * or the slug's unique index. A row whose stored representation is missing or of another shape (not yet
     * rewritten, see {@link RepresentationBackfill}) is built from its columns instead.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredCluster> representation(String idOrSlug) {
        IdOrSlug key = IdOrSlug.of(idOrSlug);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT c.id, c.version, c.representation "
                + "FROM cluster c WHERE " + (key.id() != null ? "c.id = :key" : "c.slug = :key")
                + " AND c.representation_format = :format")
                .setParameter("key", key.id() != null ? key.id() : key.slug())
                .setParameter("format", representation.format()).getResultList();
        if (!rows.isEmpty()) {
            Object[] row = rows.get(0);
            return Optional.of(new StoredCluster((UUID) row[0], ((Number) row[1]).longValue(), (String) row[2]));
        }
        return find(idOrSlug).map(entry -> new StoredCluster(entry.cluster().id, entry.cluster().version,
                representation.json(entry)));
    }

    /** The clusters as the registry answers them, each with the alliances listing it as a member. */
    List<ClusterEntry> entries(List<Cluster> found) {
        return found.stream().map(ClusterEntry::of).toList();
    }

    /** Writes the cluster's representation as of its current state, in the shape reads expect. */
    void represent(Cluster cluster) {
        cluster.represent(representation.json(ClusterEntry.of(cluster)), representation.format());
    }

    /**
     * Brings the alliances listed by each of {@code members} up to date after an alliance's change (flushed
     * first, so that the search below sees it). Members are locked in id order before their alliances are read,
     * so that of two alliance changes touching the same member the later one reads the earlier one's.
     */
    private void updateMemberships(Collection<UUID> members, Actor actor, Instant now) {
        List<UUID> ids = members.stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        entityManager.flush();
        List<Cluster> locked = new ArrayList<>();
        for (UUID id : ids) {
            Cluster member = Cluster.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (member != null) {
                locked.add(member);
            }
        }
        Map<UUID, List<UUID>> alliances = alliancesOf(ids);
        for (Cluster member : locked) {
            if (member.joinedAlliances(alliances.getOrDefault(member.id, List.of()), actor.subject(), now)) {
                represent(member);
                publish(member, "updated", actor);
            }
        }
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

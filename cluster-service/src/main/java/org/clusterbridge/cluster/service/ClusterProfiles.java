package org.clusterbridge.cluster.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.clusterbridge.cluster.events.AgreementState.Party;
import org.clusterbridge.cluster.service.ClusterProfile.AgreementSummary;
import org.clusterbridge.cluster.service.ClusterProfile.Agreements;
import org.clusterbridge.cluster.service.ClusterProfile.LatestFigure;
import org.clusterbridge.cluster.service.ClusterProfile.Partner;
import org.clusterbridge.rules.IdOrSlug;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers a cluster's profile from the registry and the views kept from agreement and funding events, in one
 * query: the cluster's stored representation with, as JSON aggregates, its agreements (through the involvement
 * index), the registered clusters among their parties, and its latest figure of each indicator and nature.
 */
@ApplicationScoped
public class ClusterProfiles {

    private static final String ACTIVE = "ACTIVE";
    private static final TypeReference<List<AgreementRow>> AGREEMENTS = new TypeReference<>() {
    };
    private static final TypeReference<Map<UUID, Known>> KNOWN = new TypeReference<>() {
    };
    private static final TypeReference<List<LatestFigure>> FIGURES = new TypeReference<>() {
    };
    private static final String PROFILE = """
            WITH found AS (SELECT c.id, c.version,
                    CASE WHEN c.representation_format = :format THEN c.representation END AS representation
                FROM cluster c WHERE %s),
            involved AS (SELECT a.* FROM agreement_view a
                JOIN cluster_agreement_view i ON i.agreement_id = a.id JOIN found ON i.cluster_id = found.id)
            SELECT found.id, found.version, found.representation,
                (SELECT coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'reference', a.reference,
                        'title', a.title, 'kind', a.kind, 'status', a.status, 'parties', a.parties,
                        'signedOn', a.signed_on, 'effectiveFrom', a.effective_from, 'expiresOn', a.expires_on,
                        'version', a.version) ORDER BY a.signed_on DESC NULLS LAST, a.reference), '[]'::jsonb)::text
                    FROM involved a) AS agreements,
                (SELECT coalesce(jsonb_object_agg(p.id, jsonb_build_object('slug', p.slug, 'names', p.names)),
                        '{}'::jsonb)::text
                    FROM cluster p WHERE p.id IN (SELECT CAST(party ->> 'clusterId' AS uuid)
                        FROM involved a, jsonb_array_elements(a.parties) party)) AS known,
                (SELECT coalesce(jsonb_agg(jsonb_build_object('figureId', f.id, 'indicator', f.indicator,
                        'nature', f.nature, 'value', f.value, 'period', f.period, 'source', f.source,
                        'version', f.version) ORDER BY f.indicator, f.nature), '[]'::jsonb)::text
                    FROM (SELECT DISTINCT ON (v.indicator, v.nature) v.* FROM funding_figure_view v
                        WHERE v.cluster_id = found.id
                        ORDER BY v.indicator, v.nature, v.period_end DESC, v.id) f) AS figures
            FROM found
            """;

    private final ClusterService clusters;
    private final ClusterRepresentation representation;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    ClusterProfiles(ClusterService clusters, ClusterRepresentation representation, EntityManager entityManager,
            ObjectMapper mapper) {
        this.clusters = clusters;
        this.representation = representation;
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /** An agreement of the cluster's, as the agreement view holds it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgreementRow(UUID id, String reference, Map<String, String> title, String kind, String status,
            List<Party> parties, LocalDate signedOn, LocalDate effectiveFrom, LocalDate expiresOn, long version) {
    }

    /** A registered cluster among the parties. */
    record Known(String slug, Map<String, String> names) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClusterProfile> profile(String idOrSlug) {
        IdOrSlug key = IdOrSlug.of(idOrSlug);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(PROFILE.formatted(
                key.id() != null ? "c.id = :key" : "c.slug = :key"))
                .setParameter("key", key.id() != null ? key.id() : key.slug())
                .setParameter("format", representation.format()).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        UUID id = (UUID) row[0];
        StoredCluster cluster = row[2] != null
                ? new StoredCluster(id, ((Number) row[1]).longValue(), (String) row[2])
                // A row not yet in the current shape (see RepresentationBackfill): built from its columns.
                : clusters.representation(id.toString()).orElseThrow();
        return Optional.of(new ClusterProfile(cluster,
                agreements(id, read(row[3], AGREEMENTS), read(row[4], KNOWN)), read(row[5], FIGURES)));
    }

    private <T> T read(Object json, TypeReference<T> type) {
        try {
            return mapper.readValue(json.toString(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the profile query answered JSON of another shape", e);
        }
    }

    private static Agreements agreements(UUID clusterId, List<AgreementRow> rows, Map<UUID, Known> known) {
        List<AgreementSummary> items = new ArrayList<>();
        Map<UUID, Integer> partnerCounts = new LinkedHashMap<>();
        int active = 0;
        for (AgreementRow row : rows) {
            UUID via = null;
            Set<UUID> partners = new LinkedHashSet<>();
            for (Party party : row.parties()) {
                boolean ours = clusterId.equals(party.clusterId())
                        || party.coSigners() != null && party.coSigners().contains(clusterId);
                if (ours && !clusterId.equals(party.clusterId())) {
                    via = party.clusterId();
                }
                if (!ours) {
                    partners.add(party.clusterId());
                }
            }
            partners.forEach(partner -> partnerCounts.merge(partner, 1, Integer::sum));
            if (ACTIVE.equals(row.status())) {
                active++;
            }
            items.add(new AgreementSummary(row.id(), row.reference(), row.title(), row.kind(), row.status(),
                    row.signedOn(), row.effectiveFrom(), row.expiresOn(), List.copyOf(partners), via,
                    row.version()));
        }
        List<Partner> partners = partnerCounts.entrySet().stream().map(entry -> {
            Known partner = known.get(entry.getKey());
            return new Partner(entry.getKey(), partner == null ? null : partner.slug(),
                    partner == null ? null : partner.names(), entry.getValue());
        }).toList();
        return new Agreements(items.size(), active, partners, items);
    }
}

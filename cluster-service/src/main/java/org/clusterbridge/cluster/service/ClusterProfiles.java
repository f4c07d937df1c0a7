package org.clusterbridge.cluster.service;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

import org.clusterbridge.cluster.domain.Cluster;
import org.clusterbridge.cluster.events.AgreementState.Party;
import org.clusterbridge.cluster.service.ClusterProfile.AgreementSummary;
import org.clusterbridge.cluster.service.ClusterProfile.Agreements;
import org.clusterbridge.cluster.service.ClusterProfile.LatestFigure;
import org.clusterbridge.cluster.service.ClusterProfile.Partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Answers a cluster's profile from the registry and the views kept from agreement and funding events. */
@ApplicationScoped
public class ClusterProfiles {

    private static final String ACTIVE = "ACTIVE";

    private final ClusterService clusters;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    ClusterProfiles(ClusterService clusters, EntityManager entityManager, ObjectMapper mapper) {
        this.clusters = clusters;
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClusterProfile> profile(String idOrSlug) {
        return clusters.find(idOrSlug).map(entry -> new ClusterProfile(entry, agreements(entry.cluster().id),
                latestFigures(entry.cluster().id)));
    }

    private Agreements agreements(UUID clusterId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT a.id, a.reference, CAST(a.title AS text), a.kind, a.status, CAST(a.parties AS text),
                       a.signed_on, a.effective_from, a.expires_on, a.version
                FROM agreement_view a JOIN cluster_agreement_view l ON l.agreement_id = a.id
                WHERE l.cluster_id = :cluster
                ORDER BY a.signed_on DESC NULLS LAST, a.reference
                """).setParameter("cluster", clusterId).getResultList();
        List<AgreementSummary> items = new ArrayList<>();
        Map<UUID, Integer> partnerCounts = new LinkedHashMap<>();
        int active = 0;
        for (Object[] row : rows) {
            List<Party> parties = read((String) row[5], new TypeReference<List<Party>>() {
            });
            UUID via = null;
            Set<UUID> partners = new LinkedHashSet<>();
            for (Party party : parties) {
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
            String status = (String) row[4];
            if (ACTIVE.equals(status)) {
                active++;
            }
            items.add(new AgreementSummary((UUID) row[0], (String) row[1],
                    read((String) row[2], new TypeReference<Map<String, String>>() {
                    }), (String) row[3], status, date(row[6]), date(row[7]), date(row[8]), List.copyOf(partners),
                    via, ((Number) row[9]).longValue()));
        }
        Map<UUID, Cluster> known = new HashMap<>();
        if (!partnerCounts.isEmpty()) {
            Cluster.<Cluster> list("id in ?1", List.copyOf(partnerCounts.keySet())).forEach(c -> known.put(c.id, c));
        }
        List<Partner> partners = partnerCounts.entrySet().stream().map(entry -> {
            Cluster partner = known.get(entry.getKey());
            return new Partner(entry.getKey(), partner == null ? null : partner.slug,
                    partner == null ? null : partner.names, entry.getValue());
        }).toList();
        return new Agreements(items.size(), active, partners, items);
    }

    private List<LatestFigure> latestFigures(UUID clusterId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT DISTINCT ON (f.indicator, f.nature) f.id, f.indicator, f.nature, CAST(f.value AS text),
                       CAST(f.period AS text), CAST(f.source AS text), f.version
                FROM funding_figure_view f
                WHERE f.cluster_id = :cluster
                ORDER BY f.indicator, f.nature, f.period_end DESC, f.id
                """).setParameter("cluster", clusterId).getResultList();
        return rows.stream().map(row -> new LatestFigure((UUID) row[0], (String) row[1], (String) row[2],
                tree((String) row[3]), tree((String) row[4]), tree((String) row[5]), ((Number) row[6]).longValue()))
                .toList();
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((Date) value).toLocalDate();
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("view holds unreadable JSON", e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("view holds unreadable JSON", e);
        }
    }
}

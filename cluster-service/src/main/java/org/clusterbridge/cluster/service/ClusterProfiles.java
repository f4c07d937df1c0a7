package org.clusterbridge.cluster.service;

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
import jakarta.transaction.Transactional;

import org.clusterbridge.cluster.domain.Cluster;
import org.clusterbridge.cluster.events.AgreementState.Party;
import org.clusterbridge.cluster.events.AgreementViewRow;
import org.clusterbridge.cluster.events.FundingFigureViewRow;
import org.clusterbridge.cluster.service.ClusterProfile.AgreementSummary;
import org.clusterbridge.cluster.service.ClusterProfile.Agreements;
import org.clusterbridge.cluster.service.ClusterProfile.LatestFigure;
import org.clusterbridge.cluster.service.ClusterProfile.Partner;


/** Answers a cluster's profile from the registry and the views kept from agreement and funding events. */
@ApplicationScoped
public class ClusterProfiles {

    private static final String ACTIVE = "ACTIVE";

    private final ClusterService clusters;

    ClusterProfiles(ClusterService clusters) {
        this.clusters = clusters;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClusterProfile> profile(String idOrSlug) {
        return clusters.find(idOrSlug).map(entry -> new ClusterProfile(entry, agreements(entry.cluster().id),
                latestFigures(entry.cluster().id)));
    }

    private Agreements agreements(UUID clusterId) {
        List<AgreementSummary> items = new ArrayList<>();
        Map<UUID, Integer> partnerCounts = new LinkedHashMap<>();
        int active = 0;
        for (AgreementViewRow row : AgreementViewRow.involving(clusterId)) {
            UUID via = null;
            Set<UUID> partners = new LinkedHashSet<>();
            for (Party party : row.parties) {
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
            if (ACTIVE.equals(row.status)) {
                active++;
            }
            items.add(new AgreementSummary(row.id, row.reference, row.title, row.kind, row.status, row.signedOn,
                    row.effectiveFrom, row.expiresOn, List.copyOf(partners), via, row.version));
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

    private static List<LatestFigure> latestFigures(UUID clusterId) {
        return FundingFigureViewRow.latestOf(clusterId).stream().map(row -> new LatestFigure(row.id, row.indicator,
                row.nature, row.value, row.period, row.source, row.version)).toList();
    }
}

package org.clusterbridge.mou.service;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.mou.domain.ClusterSummary;
import org.clusterbridge.mou.store.ClusterViewStore;
import org.clusterbridge.rules.DomainException;
import org.clusterbridge.rules.IdOrSlug;

/** The clusters this service knows, as its view of cluster-events holds them now. */
@ApplicationScoped
public class KnownClusters {

    private final ClusterViewStore view;

    KnownClusters(ClusterViewStore view) {
        this.view = view;
    }

    /** The cluster named by id or slug as the client wrote it; not found when the view does not know it (yet). */
    public ClusterSummary get(String idOrSlug) {
        return IdOrSlug.of(idOrSlug).find(view::find, view::findBySlug)
                .orElseThrow(() -> DomainException.notFound("cluster", idOrSlug));
    }

    /** The known ones of {@code ids}, by id; an id the view does not know is absent. */
    public Map<UUID, ClusterSummary> find(Collection<UUID> ids) {
        return view.find(ids);
    }
}

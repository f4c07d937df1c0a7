package org.clusterbridge.mou.events;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.mongodb.MongoViewGate;
import org.clusterbridge.events.views.InboundView;
import org.clusterbridge.events.views.ViewEvents;
import org.clusterbridge.events.views.ViewSpec;
import org.clusterbridge.mou.domain.ClusterSummary;
import org.clusterbridge.mou.store.ClusterViewStore;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * This service's view of clusters, kept from {@code cluster-events}: the latest state of each cluster, replaced
 * only by a newer sequence. Agreements store cluster ids only; names come from the view when read.
 */
@ApplicationScoped
public class ClusterView implements InboundView<ClusterSummary, MongoViewGate.Replacement> {

    static final String VIEW = "clusters";
    private static final ViewSpec<ClusterSummary, MongoViewGate.Replacement> SPEC = new ViewSpec<>(
            VIEW, EventTopics.CLUSTER_EVENTS, "cluster", ClusterSummary.class, MongoViewGate.class);

    private final ClusterViewStore store;
    private final ViewEvents viewEvents;

    ClusterView(ClusterViewStore store, ViewEvents viewEvents) {
        this.store = store;
        this.viewEvents = viewEvents;
    }

    @Incoming(EventTopics.CLUSTER_EVENTS)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return viewEvents.consume(batch, List.of(this));
    }

    @Override
    public ViewSpec<ClusterSummary, MongoViewGate.Replacement> spec() {
        return SPEC;
    }

    /** The document is keyed by the event's subject: data about another cluster would overwrite the wrong one. */
    @Override
    public String lacks(CloudEvent event, ClusterSummary cluster) {
        return cluster.id() == null || !cluster.id().toString().equals(event.subject())
                ? "has no id matching its subject" : null;
    }

    /**
     * The cluster's document; an alliance's members note it first (a note never removed, checked when read), so
     * that their alliances are found by id however the write below ends.
     */
    @Override
    public MongoViewGate.Replacement write(CloudEvent event, ClusterSummary cluster) {
        store.noteMembers(cluster);
        return store.replacement(cluster);
    }

    @Override
    public void deleteAll() {
        store.deleteAll();
    }
}

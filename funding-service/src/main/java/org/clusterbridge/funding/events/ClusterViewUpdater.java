package org.clusterbridge.funding.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.CloudEvents.MalformedEventException;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.postgresql.PostgresViewGate;
import org.clusterbridge.events.views.RebuildableView;
import org.clusterbridge.events.views.ViewEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/** Keeps {@link ClusterView} from {@code cluster-events}: registered, updated and retired all carry the whole state. */
@ApplicationScoped
public class ClusterViewUpdater implements RebuildableView {

    public static final String VIEW = "funding-cluster-view";

    private final ViewEvents viewEvents;
    private final PostgresViewGate gate;
    private final CloudEvents cloudEvents;
    private final ObjectMapper mapper;

    ClusterViewUpdater(ViewEvents viewEvents, PostgresViewGate gate, CloudEvents cloudEvents, ObjectMapper mapper) {
        this.viewEvents = viewEvents;
        this.gate = gate;
        this.cloudEvents = cloudEvents;
        this.mapper = mapper;
    }

    @Incoming(EventTopics.CLUSTER_EVENTS)
    @Blocking
    public void on(String payload) {
        viewEvents.handle(VIEW, payload, this::apply);
    }

    /** Applies one cluster event; returns false when the view already holds that version or a newer one. */
    public boolean apply(CloudEvent event) {
        if (!event.type().startsWith(CloudEvent.TYPE_PREFIX + "cluster.")) {
            return false;
        }
        ClusterState state = cloudEvents.data(event, ClusterState.class);
        if (state.id() == null || state.slug() == null || state.names() == null || state.names().get("en") == null
                || state.country() == null || !state.country().matches("[A-Z]{2}") || state.status() == null || !state.id().toString().equals(event.subject())) {
            throw new MalformedEventException("cluster event " + event.id() + " lacks id, slug, names.en, country or status,"
                    + " or its subject is not the cluster's id", null);
        }
        return gate.apply(VIEW, event, applied -> store(state, event.sequence()));
    }

    private void store(ClusterState state, long sequence) {
        ClusterView view = ClusterView.findById(state.id());
        if (view == null) {
            view = new ClusterView();
            view.id = state.id();
        }
        view.slug = state.slug();
        try {
            view.names = mapper.writeValueAsString(state.names());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("names of cluster " + state.id() + " cannot be stored", e);
        }
        view.acronym = state.acronym();
        view.kind = state.kind() == null ? "CLUSTER" : state.kind();
        view.country = state.country();
        view.status = state.status();
        view.version = state.version() == null ? sequence : state.version();
        view.persist();
    }

    @Override
    public String channel() {
        return EventTopics.CLUSTER_EVENTS;
    }

    @Override
    @Transactional
    public void clear() {
        ClusterView.deleteAll();
        gate.reset(VIEW);
    }
}

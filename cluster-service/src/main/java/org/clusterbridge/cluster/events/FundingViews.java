package org.clusterbridge.cluster.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.CloudEvents.MalformedEventException;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.postgresql.PostgresViewGate;
import org.clusterbridge.events.views.RebuildableView;
import org.clusterbridge.events.views.ViewEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps, from funding-events, every funding figure of every cluster; a profile shows the latest per indicator
 * and nature (the one whose period ends last). Corrections replace the figure they correct.
 */
@ApplicationScoped
public class FundingViews implements RebuildableView {

    public static final String VIEW = "cluster-funding";

    private final ViewEvents viewEvents;
    private final PostgresViewGate gate;
    private final CloudEvents cloudEvents;
    private final EntityManager entityManager;

    FundingViews(ViewEvents viewEvents, PostgresViewGate gate, CloudEvents cloudEvents,
            EntityManager entityManager) {
        this.viewEvents = viewEvents;
        this.gate = gate;
        this.cloudEvents = cloudEvents;
        this.entityManager = entityManager;
    }

    @Incoming(EventTopics.FUNDING_EVENTS)
    @Blocking
    public void on(String payload) {
        viewEvents.handle(VIEW, payload, this::apply);
    }

    boolean apply(CloudEvent event) {
        if (!event.type().startsWith("clusterbridge.funding-figure.")) {
            return false;
        }
        FundingFigureState figure = cloudEvents.data(event, FundingFigureState.class);
        if (!figure.isComplete()) {
            throw new MalformedEventException("funding-figure event " + event.id() + " lacks required fields", null);
        }
        LocalDate end;
        try {
            end = LocalDate.parse(figure.period().get("end").asText());
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("funding-figure event " + event.id() + " has no period end date", e);
        }
        return gate.apply(VIEW, event, applied -> store(figure, end));
    }

    private void store(FundingFigureState figure, LocalDate end) {
        entityManager.createNativeQuery("""
                INSERT INTO funding_figure_view (id, cluster_id, indicator, nature, value, period, period_end, source,
                                                 version)
                VALUES (:id, :cluster, :indicator, :nature, CAST(:value AS jsonb), CAST(:period AS jsonb), :end,
                        CAST(:source AS jsonb), :version)
                ON CONFLICT (id) DO UPDATE SET cluster_id = EXCLUDED.cluster_id, indicator = EXCLUDED.indicator,
                    nature = EXCLUDED.nature, value = EXCLUDED.value, period = EXCLUDED.period,
                    period_end = EXCLUDED.period_end, source = EXCLUDED.source, version = EXCLUDED.version
                """)
                .setParameter("id", figure.id())
                .setParameter("cluster", figure.clusterId())
                .setParameter("indicator", figure.indicator())
                .setParameter("nature", figure.nature())
                .setParameter("value", figure.value().toString())
                .setParameter("period", figure.period().toString())
                .setParameter("end", end)
                .setParameter("source", figure.source().toString())
                .setParameter("version", figure.version())
                .executeUpdate();
    }

    @Override
    public String channel() {
        return EventTopics.FUNDING_EVENTS;
    }

    @Override
    @Transactional
    public void clear() {
        entityManager.createNativeQuery("DELETE FROM funding_figure_view").executeUpdate();
        gate.reset(VIEW);
    }
}

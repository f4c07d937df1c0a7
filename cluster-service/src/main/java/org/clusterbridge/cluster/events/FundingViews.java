package org.clusterbridge.cluster.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.postgresql.PostgresViewGate;
import org.clusterbridge.events.views.InboundView;
import org.clusterbridge.events.views.ViewEvents;
import org.clusterbridge.events.views.ViewSpec;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps, from funding-events, every funding figure of every cluster; a profile shows the latest per indicator
 * and nature (the one whose period ends last). Corrections replace the figure they correct.
 */
@ApplicationScoped
public class FundingViews implements InboundView<FundingFigureState, Runnable> {

    public static final String VIEW = "cluster-funding";
    private static final ViewSpec<FundingFigureState, Runnable> SPEC = new ViewSpec<>(VIEW, EventTopics.FUNDING_EVENTS,
            "funding-figure", FundingFigureState.class, PostgresViewGate.class);

    private final ViewEvents viewEvents;
    private final EntityManager entityManager;

    FundingViews(ViewEvents viewEvents, EntityManager entityManager) {
        this.viewEvents = viewEvents;
        this.entityManager = entityManager;
    }

    @Incoming(EventTopics.FUNDING_EVENTS)
    @Blocking
    public void on(String payload) {
        viewEvents.consume(this, payload);
    }

    @Override
    public ViewSpec<FundingFigureState, Runnable> spec() {
        return SPEC;
    }

    /** Complete, and the period ends on a date: the profile orders figures by it. */
    @Override
    public String lacks(CloudEvent event, FundingFigureState figure) {
        if (figure.id() == null || figure.clusterId() == null || figure.indicator() == null
                || figure.nature() == null || figure.value() == null || !figure.value().isObject()
                || figure.period() == null || !figure.period().hasNonNull("end") || figure.source() == null) {
            return "lacks required fields";
        }
        return periodEnd(figure) == null ? "has no period end date" : null;
    }

    @Override
    public Runnable write(CloudEvent event, FundingFigureState figure) {
        LocalDate end = periodEnd(figure);
        return () -> entityManager.createNativeQuery("""
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

    private static LocalDate periodEnd(FundingFigureState figure) {
        try {
            return LocalDate.parse(figure.period().get("end").asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public void deleteAll() {
        entityManager.createNativeQuery("DELETE FROM funding_figure_view").executeUpdate();
    }
}

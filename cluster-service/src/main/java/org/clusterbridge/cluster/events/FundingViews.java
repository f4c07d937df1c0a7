package org.clusterbridge.cluster.events;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.postgresql.PostgresViewGate;
import org.clusterbridge.events.postgresql.PostgresViewGate.Write;
import org.clusterbridge.events.views.InboundView;
import org.clusterbridge.events.views.ViewEvents;
import org.clusterbridge.events.views.ViewSpec;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps, from funding-events, every funding figure of every cluster; a profile shows the latest per indicator
 * and nature (the one whose period ends last). Corrections replace the figure they correct.
 */
@ApplicationScoped
public class FundingViews implements InboundView<FundingFigureState, Write> {

    public static final String VIEW = "cluster-funding";
    private static final ViewSpec<FundingFigureState, Write> SPEC = new ViewSpec<>(VIEW, EventTopics.FUNDING_EVENTS,
            "funding-figure", FundingFigureState.class, PostgresViewGate.class);

    private final ViewEvents viewEvents;

    FundingViews(ViewEvents viewEvents) {
        this.viewEvents = viewEvents;
    }

    @Incoming(EventTopics.FUNDING_EVENTS)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return viewEvents.consume(batch, List.of(this));
    }

    @Override
    public ViewSpec<FundingFigureState, Write> spec() {
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
    public Write write(CloudEvent event, FundingFigureState figure) {
        LocalDate end = periodEnd(figure);
        return Write.entities(() -> {
            FundingFigureViewRow row = FundingFigureViewRow.findById(figure.id());
            if (row == null) {
                row = new FundingFigureViewRow();
                row.id = figure.id();
            }
            row.clusterId = figure.clusterId();
            row.indicator = figure.indicator();
            row.nature = figure.nature();
            row.value = figure.value();
            row.period = figure.period();
            row.periodEnd = end;
            row.source = figure.source();
            row.version = figure.version();
            row.persist();
        });
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
        FundingFigureViewRow.deleteAll();
    }
}

package org.clusterbridge.funding.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.clusterbridge.funding.domain.FigureSnapshot;
import org.clusterbridge.funding.domain.FigureSnapshot.Dates;
import org.clusterbridge.funding.domain.FigureSnapshot.FunderEntry;
import org.clusterbridge.funding.domain.FigureSnapshot.SourceEntry;
import org.clusterbridge.funding.domain.FigureSnapshot.Value;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.Unit;

/**
 * The data of {@code clusterbridge.funding-figure.recorded.v1} and {@code .corrected.v1}: the figure in the
 * version the event announces (contracts/events/funding-figure.data.schema.json). Its values are written as the
 * stored versions write them; its fields are its own, so a change to the REST body never reaches the event.
 */
public record FundingFigureChanged(UUID id, UUID clusterId, String indicator, Unit unit, Nature nature,
        Value value, Dates period, List<FunderEntry> funders, SourceEntry source, String note, long version,
        Instant recordedAt, String createdBy, Instant updatedAt, String updatedBy) {

    public static final String AGGREGATE = "funding-figure";
    public static final String RECORDED = "recorded";
    public static final String CORRECTED = "corrected";

    public static FundingFigureChanged of(FigureSnapshot figure) {
        return new FundingFigureChanged(figure.id(), figure.clusterId(), figure.indicator(), figure.unit(),
                figure.nature(), figure.value(), figure.period(), figure.funders(), figure.source(), figure.note(),
                figure.version(), figure.recordedAt(), figure.createdBy(), figure.updatedAt(), figure.updatedBy());
    }
}

package org.clusterbridge.funding.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.clusterbridge.funding.domain.FigureSnapshot;
import org.clusterbridge.funding.domain.FigureSnapshot.Dates;
import org.clusterbridge.funding.domain.FigureSnapshot.FunderEntry;
import org.clusterbridge.funding.domain.FigureSnapshot.SourceEntry;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.PeriodKind;
import org.clusterbridge.funding.domain.Qualifier;
import org.clusterbridge.funding.domain.Unit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A figure in one of its versions as the API returns it; mapped from the domain's {@link FigureSnapshot}. */
public record FundingFigureResponse(
        @Schema(required = true, readOnly = true) UUID id,
        @Schema(required = true) UUID clusterId,
        @Schema(required = true, description = "Indicator code from GET /api/indicators", example = "total-investment")
        String indicator,
        @Schema(required = true, readOnly = true, description = "The indicator's unit") Unit unit,
        @Schema(required = true) Nature nature,
        @Schema(required = true) ValueView value,
        @Schema(required = true) PeriodView period,
        @Schema(required = true) List<FunderView> funders,
        @Schema(required = true) SourceView source,
        String note,
        @Schema(required = true, readOnly = true, description = "The figure's version; the ETag") long version,
        @Schema(required = true, readOnly = true) Instant recordedAt,
        @Schema(readOnly = true, description = "Who recorded the figure (token subject); null if recorded before auditing began")
        String createdBy,
        @Schema(required = true, readOnly = true) Instant updatedAt,
        @Schema(readOnly = true, description = "Who made the current version (token subject)")
        String updatedBy) {

    public static FundingFigureResponse of(FigureSnapshot figure) {
        return new FundingFigureResponse(figure.id(), figure.clusterId(), figure.indicator(), figure.unit(),
                figure.nature(), ValueView.of(figure.value()), PeriodView.of(figure.period()),
                figure.funders() == null ? null : figure.funders().stream().map(FunderView::of).toList(),
                SourceView.of(figure.source()),
                figure.note(), figure.version(), figure.recordedAt(), figure.createdBy(), figure.updatedAt(),
                figure.updatedBy());
    }

    /** The representation a merge patch applies to: this one with its period {@linkplain PeriodView#written() as written}. */
    FundingFigureResponse patchTarget() {
        return new FundingFigureResponse(id, clusterId, indicator, unit, nature, value, period.written(), funders,
                source, note, version, recordedAt, createdBy, updatedAt, updatedBy);
    }

    /** {@code count}, or {@code amount} (a decimal string) with {@code currency}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValueView(
            Long count,
            @Schema(description = "Exact decimal amount as a string", example = "1900000000") String amount,
            @Schema(description = "ISO 4217 code, with amount", example = "EUR") String currency,
            @Schema(required = true) Qualifier qualifier) {

        static ValueView of(FigureSnapshot.Value value) {
            return value == null ? null
                    : new ValueView(value.count(), value.amount(), value.currency(), value.qualifier());
        }
    }

    /** {@code kind}, {@code start} (null for AS_OF) and {@code end} always; the fields the period was given with besides. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeriodView(
            @Schema(required = true) PeriodKind kind,
            @Schema(description = "The first day covered; null for AS_OF") @JsonInclude(JsonInclude.Include.ALWAYS)
            LocalDate start,
            @Schema(required = true, description = "The day the figure refers to") LocalDate end,
            LocalDate date,
            @Schema(description = "A year, month or date as the source gave it", example = "2005") String since,
            LocalDate asOf,
            FiscalYearsView fiscalYears) {

        /**
         * The period by the fields it is written with, its derived dates left out (an AS_OF date's end, a running
         * total's start and end, fiscal years' start and end): what a merge patch changes, so that patching
         * {@code since} alone does not leave the old start contradicting it.
         */
        PeriodView written() {
            return switch (kind) {
                case AS_OF -> new PeriodView(kind, null, null, date, null, null, null);
                case CUMULATIVE_SINCE -> new PeriodView(kind, null, null, null, since, asOf, null);
                case SPAN -> fiscalYears == null ? this
                        : new PeriodView(kind, null, null, null, null, null, fiscalYears);
            };
        }

        static PeriodView of(Dates period) {
            return new PeriodView(period.kind(), period.start(), period.end(), period.date(), period.since(),
                    period.asOf(), period.fiscalYears() == null ? null
                            : new FiscalYearsView(period.fiscalYears().from(), period.fiscalYears().to()));
        }
    }

    public record FiscalYearsView(@Schema(required = true, example = "FY2013") String from,
            @Schema(required = true, example = "FY2017") String to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunderView(@Schema(required = true) String name, String description,
            @Schema(description = "Exact decimal amount as a string") String amount, String currency) {

        static FunderView of(FunderEntry funder) {
            return new FunderView(funder.name(), funder.description(), funder.amount(), funder.currency());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceView(@Schema(required = true) String title, String publisher, String language,
            String publishedOn, String url) {

        static SourceView of(SourceEntry source) {
            return new SourceView(source.title(), source.publisher(), source.language(), source.publishedOn(),
                    source.url());
        }
    }
}

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
        UUID id,
        UUID clusterId,
        String indicator,
        Unit unit,
        Nature nature,
        ValueView value,
        PeriodView period,
        List<FunderView> funders,
        SourceView source,
        String note,
        long version,
        Instant recordedAt,
        @Schema(description = "Who recorded the figure (token subject); null if recorded before auditing began")
        String createdBy,
        Instant updatedAt,
        @Schema(description = "Who made the current version (token subject)")
        String updatedBy) {

    public static FundingFigureResponse of(FigureSnapshot figure) {
        return new FundingFigureResponse(figure.id(), figure.clusterId(), figure.indicator(), figure.unit(),
                figure.nature(), ValueView.of(figure.value()), PeriodView.of(figure.period()),
                figure.funders() == null ? null : figure.funders().stream().map(FunderView::of).toList(),
                SourceView.of(figure.source()),
                figure.note(), figure.version(), figure.recordedAt(), figure.createdBy(), figure.updatedAt(),
                figure.updatedBy());
    }

    /** {@code count}, or {@code amount} (a decimal string) with {@code currency}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ValueView(
            Long count,
            @Schema(description = "Exact decimal amount as a string", example = "1900000000") String amount,
            String currency,
            Qualifier qualifier) {

        static ValueView of(FigureSnapshot.Value value) {
            return value == null ? null
                    : new ValueView(value.count(), value.amount(), value.currency(), value.qualifier());
        }
    }

    /** {@code kind}, {@code start} (null for AS_OF) and {@code end} always; the fields the period was given with besides. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeriodView(
            PeriodKind kind,
            @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate start,
            LocalDate end,
            LocalDate date,
            @Schema(description = "A year, month or date as the source gave it", example = "2005") String since,
            LocalDate asOf,
            FiscalYearsView fiscalYears) {

        static PeriodView of(Dates period) {
            return new PeriodView(period.kind(), period.start(), period.end(), period.date(), period.since(),
                    period.asOf(), period.fiscalYears() == null ? null
                            : new FiscalYearsView(period.fiscalYears().from(), period.fiscalYears().to()));
        }
    }

    public record FiscalYearsView(@Schema(example = "FY2013") String from, @Schema(example = "FY2017") String to) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunderView(String name, String description, String amount, String currency) {

        static FunderView of(FunderEntry funder) {
            return new FunderView(funder.name(), funder.description(), funder.amount(), funder.currency());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceView(String title, String publisher, String language, String publishedOn, String url) {

        static SourceView of(SourceEntry source) {
            return new SourceView(source.title(), source.publisher(), source.language(), source.publishedOn(),
                    source.url());
        }
    }
}

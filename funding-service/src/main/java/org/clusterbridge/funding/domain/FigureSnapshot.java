package org.clusterbridge.funding.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A figure as one of its versions stores it: the JSON of {@code funding_figure_version.state}, amounts as
 * decimal strings. Rows written since the first version read back with this shape, so it changes only with a
 * migration of those rows.
 */
public record FigureSnapshot(
        UUID id, UUID clusterId, String indicator, Unit unit, Nature nature,
        Value value, Dates period, List<FunderEntry> funders, SourceEntry source, String note,
        long version, Instant recordedAt, String createdBy, Instant updatedAt, String updatedBy) {

    /** The current version of {@code figure}, with the funders its JSON column holds. */
    public static FigureSnapshot of(FundingFigure figure, List<FunderEntry> funders) {
        return new FigureSnapshot(figure.id, figure.clusterId, figure.indicator, figure.indicator().unit(),
                figure.nature, Value.of(figure.value()), Dates.of(figure.period()),
                List.copyOf(funders), SourceEntry.of(figure.source()), figure.note,
                figure.version, figure.recordedAt, figure.createdBy, figure.updatedAt, figure.updatedBy);
    }

    /** {@code count}, or {@code amount} with {@code currency}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(Long count, String amount, String currency, Qualifier qualifier) {

        public static Value of(FigureValue value) {
            Money money = value.money();
            return money == null ? new Value(value.count(), null, null, value.qualifier())
                    : new Value(null, money.plainAmount(), money.currency().getCurrencyCode(), value.qualifier());
        }
    }

    /** {@code kind}, {@code start} (null for AS_OF) and {@code end} always; the fields the period was given with besides. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Dates(PeriodKind kind, @JsonInclude(JsonInclude.Include.ALWAYS) LocalDate start, LocalDate end,
            LocalDate date, String since, LocalDate asOf, FiscalYears fiscalYears) {

        public static Dates of(Period period) {
            return switch (period.kind()) {
                case AS_OF -> new Dates(period.kind(), null, period.end(), period.end(), null, null, null);
                case CUMULATIVE_SINCE -> new Dates(period.kind(), period.start(), period.end(), null, period.since(),
                        period.end(), null);
                case SPAN -> new Dates(period.kind(), period.start(), period.end(), null, null, null,
                        period.fiscalYearFrom() == null ? null
                                : new FiscalYears(new FiscalYear(period.fiscalYearFrom()).label(),
                                        new FiscalYear(period.fiscalYearTo()).label()));
            };
        }
    }

    /** Japanese fiscal years by their labels ({@code FY2013}). */
    public record FiscalYears(String from, String to) {
    }

    /** A funder; also the form of {@code funding_figure.funders}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FunderEntry(String name, String description, String amount, String currency) {

        public static FunderEntry of(Funder funder) {
            Money amount = funder.amount();
            return new FunderEntry(funder.name(), funder.description(),
                    amount == null ? null : amount.plainAmount(),
                    amount == null ? null : amount.currency().getCurrencyCode());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceEntry(String title, String publisher, String language, String publishedOn, String url) {

        public static SourceEntry of(SourceDocument source) {
            return new SourceEntry(source.title(), source.publisher(), source.language(), source.publishedOn(),
                    source.url());
        }
    }
}

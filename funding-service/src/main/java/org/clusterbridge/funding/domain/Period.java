package org.clusterbridge.funding.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The time a figure refers to. {@code end} is always the date the figure speaks of (the as-of date, or a span's
 * last day); {@code start} is null for AS_OF, the first day of "since" for CUMULATIVE_SINCE (with the precision
 * the source gave: "since 2005" is 2005-01-01 at YEAR precision) and a span's first day. Spans given as Japanese
 * fiscal years remember them.
 */
public record Period(PeriodKind kind, LocalDate start, DatePrecision startPrecision, LocalDate end,
        Integer fiscalYearFrom, Integer fiscalYearTo) {

    public Period {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(end, "end");
    }

    public static Period asOf(LocalDate date) {
        return new Period(PeriodKind.AS_OF, null, null, date, null, null);
    }

    public static Period cumulativeSince(PartialDate since, LocalDate asOf) {
        return new Period(PeriodKind.CUMULATIVE_SINCE, since.firstDay(), since.precision(), asOf, null, null);
    }

    public static Period span(LocalDate start, LocalDate end) {
        return new Period(PeriodKind.SPAN, start, DatePrecision.DAY, end, null, null);
    }

    public static Period fiscalYears(FiscalYear from, FiscalYear to) {
        return new Period(PeriodKind.SPAN, from.start(), DatePrecision.DAY, to.end(), from.year(), to.year());
    }

    /** "since" as the source gave it: {@code 2005}, {@code 2005-01} or {@code 2005-01-03}. */
    public String since() {
        return kind == PeriodKind.CUMULATIVE_SINCE ? new PartialDate(start, startPrecision).text() : null;
    }

    /** The first day the figure covers, for overlap tests (an AS_OF figure covers its one day). */
    public LocalDate from() {
        return start == null ? end : start;
    }

    public boolean within(Period other) {
        return !from().isBefore(other.from()) && !end.isAfter(other.end);
    }

    public boolean overlaps(Period other) {
        return !from().isAfter(other.end) && !other.from().isAfter(end);
    }

    /** A stable text of the period, part of the identity of a report. */
    public String key() {
        return kind + "|" + start + "|" + end;
    }
}

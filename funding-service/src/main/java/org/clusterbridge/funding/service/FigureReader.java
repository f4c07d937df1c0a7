package org.clusterbridge.funding.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.clusterbridge.funding.domain.FigureValue;
import org.clusterbridge.funding.domain.Funder;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.Money;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.PartialDate;
import org.clusterbridge.funding.domain.Period;
import org.clusterbridge.funding.domain.PeriodReader;
import org.clusterbridge.funding.domain.Qualifier;
import org.clusterbridge.funding.domain.SourceDocument;
import org.clusterbridge.funding.domain.Unit;
import org.clusterbridge.funding.service.FigureReport.ReportedFunder;
import org.clusterbridge.funding.service.FigureReport.ReportedValue;
import org.clusterbridge.rules.DomainException;
import org.clusterbridge.rules.Violation;

/** Turns a report into the domain's values, collecting every broken rule before giving up. */
final class FigureReader {

    /** A report read into domain values. */
    record Figure(Indicator indicator, FigureValue value, Period period, List<Funder> funders, SourceDocument source) {
    }

    private final List<Violation> errors = new ArrayList<>();

    static Figure read(FigureReport report) {
        return new FigureReader().readAll(report);
    }

    private Figure readAll(FigureReport report) {
        Indicator indicator = Indicator.byCode(report.indicator().trim()).orElse(null);
        if (indicator == null) {
            errors.add(new Violation("indicator", "unknown indicator \"" + report.indicator() + "\"; known: "
                    + Indicator.codes()));
        }
        FigureValue value = indicator == null ? null : attempt(() -> value(indicator, report.value()));
        Period period = attempt(() -> period(report.nature(), report.period()));
        List<Funder> funders = new ArrayList<>();
        List<ReportedFunder> inputs = report.funders() == null ? List.of() : report.funders();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            Funder funder = attempt(() -> funder("funders[" + index + "]", inputs.get(index)));
            funders.add(funder);
        }
        SourceDocument source = attempt(() -> source(report.source()));
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return new Figure(indicator, value, period, List.copyOf(funders), source);
    }

    private <T> T attempt(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.INVALID) {
                throw e;
            }
            errors.addAll(e.violations());
            return null;
        }
    }

    private static FigureValue value(Indicator indicator, ReportedValue value) {
        Qualifier qualifier = value.qualifier() == null ? Qualifier.EXACT : value.qualifier();
        if (indicator.unit() == Unit.COUNT) {
            if (value.amount() != null || value.currency() != null) {
                throw DomainException.invalid(value.amount() != null ? "value.amount" : "value.currency",
                        indicator.code() + " is a count: give value.count, not an amount");
            }
            return FigureValue.count(count(value.count()), qualifier);
        }
        if (value.count() != null) {
            throw DomainException.invalid("value.count",
                    indicator.code() + " is money: give value.amount and value.currency, not a count");
        }
        return FigureValue.money(Money.of(value.amount(), value.currency(), "value.amount", "value.currency"),
                qualifier);
    }

    private static long count(BigDecimal count) {
        if (count == null) {
            throw DomainException.invalid("value.count", "is required");
        }
        if (count.signum() < 0) {
            throw DomainException.invalid("value.count", "must not be negative");
        }
        if (count.signum() != 0 && ((long) count.precision() - count.scale() > 15
                || count.stripTrailingZeros().scale() > 0)) {
            throw DomainException.invalid("value.count", "must be a whole number below 10^15");
        }
        return count.longValue();
    }

    private static Period period(Nature nature, PeriodReader.Input in) {
        Period period = PeriodReader.read(in);
        // One day of grace: a report written in Tokyo may already be "tomorrow" in UTC's eyes.
        if (nature == Nature.ACTUAL && period.end().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            throw DomainException.invalid("period.end", "an ACTUAL figure cannot refer to a future date ("
                    + period.end() + "); report it as a TARGET");
        }
        return period;
    }

    private static Funder funder(String field, ReportedFunder in) {
        Money amount = null;
        if (in.amount() != null || in.currency() != null) {
            if (in.amount() == null) {
                throw DomainException.invalid(field + ".amount", "is required with a currency");
            }
            amount = Money.of(in.amount(), in.currency(), field + ".amount", field + ".currency");
        }
        return new Funder(in.name().trim(), blankToNull(in.description()), amount);
    }

    private static SourceDocument source(SourceDocument in) {
        if (in.publishedOn() != null && PartialDate.parse(in.publishedOn()).isEmpty()) {
            throw DomainException.invalid("source.publishedOn", "is not a real date");
        }
        return new SourceDocument(in.title().trim(), blankToNull(in.publisher()), blankToNull(in.language()),
                blankToNull(in.publishedOn()), blankToNull(in.url()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

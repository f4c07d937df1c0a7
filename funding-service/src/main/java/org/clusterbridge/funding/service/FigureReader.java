package org.clusterbridge.funding.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.clusterbridge.funding.api.FundingFigureRequest;
import org.clusterbridge.funding.api.FundingFigureRequest.FunderInput;
import org.clusterbridge.funding.domain.FigureValue;
import org.clusterbridge.funding.domain.Funder;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.InvalidFigureException;
import org.clusterbridge.funding.domain.Money;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.PartialDate;
import org.clusterbridge.funding.domain.Period;
import org.clusterbridge.funding.domain.PeriodReader;
import org.clusterbridge.funding.domain.Qualifier;
import org.clusterbridge.funding.domain.SourceDocument;
import org.clusterbridge.funding.domain.Unit;
import org.clusterbridge.funding.domain.Violation;

/** Turns a request into the domain's values, collecting every broken rule before giving up. */
final class FigureReader {

    /** A request read into domain values. */
    record Figure(Indicator indicator, FigureValue value, Period period, List<Funder> funders, SourceDocument source) {
    }

    private final List<Violation> errors = new ArrayList<>();

    static Figure read(FundingFigureRequest request) {
        return new FigureReader().readAll(request);
    }

    private Figure readAll(FundingFigureRequest request) {
        Indicator indicator = Indicator.byCode(request.indicator().trim()).orElse(null);
        if (indicator == null) {
            errors.add(new Violation("indicator", "unknown indicator \"" + request.indicator() + "\"; known: "
                    + Indicator.codes()));
        }
        FigureValue value = indicator == null ? null : attempt(() -> value(indicator, request.value()));
        Period period = attempt(() -> period(request.nature(), request.period()));
        List<Funder> funders = new ArrayList<>();
        List<FunderInput> inputs = request.funders() == null ? List.of() : request.funders();
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            Funder funder = attempt(() -> funder("funders[" + index + "]", inputs.get(index)));
            funders.add(funder);
        }
        SourceDocument source = attempt(() -> source(request.source()));
        if (!errors.isEmpty()) {
            throw new InvalidFigureException(errors);
        }
        return new Figure(indicator, value, period, List.copyOf(funders), source);
    }

    private <T> T attempt(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (InvalidFigureException e) {
            errors.addAll(e.violations());
            return null;
        }
    }

    private static FigureValue value(Indicator indicator, FundingFigureRequest.Value value) {
        Qualifier qualifier = value.qualifier() == null ? Qualifier.EXACT : value.qualifier();
        if (indicator.unit() == Unit.COUNT) {
            if (value.amount() != null || value.currency() != null) {
                throw new InvalidFigureException(value.amount() != null ? "value.amount" : "value.currency",
                        indicator.code() + " is a count: give value.count, not an amount");
            }
            return FigureValue.count(count(value.count()), qualifier);
        }
        if (value.count() != null) {
            throw new InvalidFigureException("value.count",
                    indicator.code() + " is money: give value.amount and value.currency, not a count");
        }
        return FigureValue.money(Money.of(value.amount(), value.currency(), "value.amount", "value.currency"),
                qualifier);
    }

    private static long count(BigDecimal count) {
        if (count == null) {
            throw new InvalidFigureException("value.count", "is required");
        }
        if (count.signum() < 0) {
            throw new InvalidFigureException("value.count", "must not be negative");
        }
        if (count.signum() != 0 && ((long) count.precision() - count.scale() > 15
                || count.stripTrailingZeros().scale() > 0)) {
            throw new InvalidFigureException("value.count", "must be a whole number below 10^15");
        }
        return count.longValue();
    }

    private static Period period(Nature nature, FundingFigureRequest.PeriodInput in) {
        FundingFigureRequest.FiscalYears fiscal = in.fiscalYears();
        Period period = PeriodReader.read(new PeriodReader.Input(in.kind(), in.date(), in.since(), in.asOf(),
                in.start(), in.end(), fiscal == null ? null : fiscal.from(), fiscal == null ? null : fiscal.to(),
                null));
        // One day of grace: a report written in Tokyo may already be "tomorrow" in UTC's eyes.
        if (nature == Nature.ACTUAL && period.end().isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            throw new InvalidFigureException("period.end", "an ACTUAL figure cannot refer to a future date ("
                    + period.end() + "); report it as a TARGET");
        }
        return period;
    }

    private static Funder funder(String field, FunderInput in) {
        Money amount = null;
        if (in.amount() != null || in.currency() != null) {
            if (in.amount() == null) {
                throw new InvalidFigureException(field + ".amount", "is required with a currency");
            }
            amount = Money.of(in.amount(), in.currency(), field + ".amount", field + ".currency");
        }
        return new Funder(in.name().trim(), blankToNull(in.description()), amount);
    }

    private static SourceDocument source(FundingFigureRequest.SourceInput in) {
        if (in.publishedOn() != null && PartialDate.parse(in.publishedOn()).isEmpty()) {
            throw new InvalidFigureException("source.publishedOn", "is not a real date");
        }
        return new SourceDocument(in.title().trim(), blankToNull(in.publisher()), blankToNull(in.language()),
                blankToNull(in.publishedOn()), blankToNull(in.url()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}

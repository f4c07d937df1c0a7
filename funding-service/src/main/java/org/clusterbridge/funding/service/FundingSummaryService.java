package org.clusterbridge.funding.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.clusterbridge.funding.domain.FigureSnapshot.Dates;
import org.clusterbridge.funding.domain.FigureSnapshot.SourceEntry;
import org.clusterbridge.funding.domain.FigureSnapshot.Value;
import org.clusterbridge.funding.domain.FigureValue;
import org.clusterbridge.funding.domain.FundingFigure;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.Money;
import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.Period;
import org.clusterbridge.funding.domain.PeriodKind;
import org.clusterbridge.funding.domain.KnownCluster;
import org.clusterbridge.funding.events.ClusterView;
import org.clusterbridge.funding.service.ClusterFunding.Change;
import org.clusterbridge.funding.service.ClusterFunding.Conflict;
import org.clusterbridge.funding.service.ClusterFunding.ConflictingReport;
import org.clusterbridge.funding.service.ClusterFunding.IndicatorFunding;
import org.clusterbridge.funding.service.ClusterFunding.Progress;
import org.clusterbridge.funding.service.ClusterFunding.Report;
import org.clusterbridge.funding.service.ClusterFunding.Total;
import org.clusterbridge.rules.DomainException;
import org.clusterbridge.rules.IdOrSlug;


/**
 * The funding summary of a cluster. Values are compared and added only within one dimension (counts, or one
 * currency): euros are never added to yen.
 */
@ApplicationScoped
public class FundingSummaryService {

    /** Consecutive reports differing more than this many times are flagged as implausible. */
    static final BigDecimal PLAUSIBLE_FACTOR = BigDecimal.valueOf(5);

    /**
     * Reports of one indicator in series order: by period end, then publication date, then recording time, then
     * id as text. {@link DataQualityService} finds the same order in SQL (texts compared as "C", uuid as bytes,
     * which is the order of their text; {@code UUID.compareTo} compares signed halves, PostgreSQL cannot).
     */
    static final Comparator<FundingFigure> SERIES_ORDER = Comparator
            .comparing((FundingFigure f) -> f.periodEnd)
            .thenComparing(f -> f.sourcePublishedOn == null ? "" : f.sourcePublishedOn)
            .thenComparing(f -> f.recordedAt)
            .thenComparing(f -> f.id.toString());

    private final ClusterView clusters;

    FundingSummaryService(ClusterView clusters) {
        this.clusters = clusters;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClusterFunding summary(IdOrSlug key) {
        Optional<KnownCluster> cluster = clusters.find(key);
        // an id the view does not know may still name figures recorded for it
        UUID clusterId = cluster.map(KnownCluster::id).orElse(key.id());
        if (clusterId == null) {
            throw DomainException.notFound("cluster", key);
        }
        List<FundingFigure> figures = FundingFigure.list("clusterId", clusterId);
        if (cluster.isEmpty() && figures.isEmpty()) {
            throw DomainException.notFound("cluster", key);
        }
        List<IndicatorFunding> indicators = new ArrayList<>();
        for (Indicator indicator : Indicator.values()) {
            List<FundingFigure> reports = figures.stream().filter(f -> f.indicator.equals(indicator.code()))
                    .toList();
            if (!reports.isEmpty()) {
                indicators.add(indicator(indicator, reports));
            }
        }
        return new ClusterFunding(clusterId, cluster.orElse(null), indicators);
    }

    /** One indicator from its reports in any order, by the summary's rules (the data-quality list's too). */
    static IndicatorFunding indicator(Indicator indicator, List<FundingFigure> unordered) {
        List<FundingFigure> reports = unordered.stream().sorted(SERIES_ORDER).toList();
        List<FundingFigure> actuals = reports.stream().filter(f -> f.nature == Nature.ACTUAL).toList();
        List<Report> series = new ArrayList<>();
        for (FundingFigure report : actuals) {
            Change change = previous(report, actuals).map(previous -> change(report, previous)).orElse(null);
            series.add(new Report(report.id, report.version, Value.of(report.value()), Dates.of(report.period()),
                    SourceEntry.of(report.source()), change));
        }
        List<Progress> targets = reports.stream().filter(f -> f.nature == Nature.TARGET)
                .map(target -> progress(target, actuals)).toList();
        return new IndicatorFunding(indicator, series, targets, totals(actuals), conflicts(reports));
    }

    /**
     * Per nature, period and dimension: the reports when their sources give different values. Equal values from
     * several sources agree; values in different currencies cannot be compared, so they are no conflict.
     */
    static List<Conflict> conflicts(List<FundingFigure> reports) {
        Map<String, List<FundingFigure>> samePeriod = new LinkedHashMap<>();
        reports.forEach(report -> samePeriod.computeIfAbsent(report.nature + "|" + report.period().key() + "|"
                + report.value().dimension(), key -> new ArrayList<>()).add(report));
        List<Conflict> conflicts = new ArrayList<>();
        for (List<FundingFigure> group : samePeriod.values()) {
            long values = group.stream().map(f -> f.value().number().stripTrailingZeros()).distinct().count();
            long sources = group.stream().map(f -> f.source().key()).distinct().count();
            if (values > 1 && sources > 1) {
                FundingFigure first = group.get(0);
                conflicts.add(new Conflict(first.nature, Dates.of(first.period()), group.stream()
                        .map(f -> new ConflictingReport(f.id, Value.of(f.value()), Dates.of(f.period()),
                                SourceEntry.of(f.source())))
                        .toList()));
            }
        }
        return conflicts;
    }

    /** The latest report of the same dimension whose period ends strictly before this one's. */
    private static Optional<FundingFigure> previous(FundingFigure report, List<FundingFigure> actuals) {
        FundingFigure found = null;
        for (FundingFigure candidate : actuals) {
            if (candidate.periodEnd.isBefore(report.periodEnd)
                    && candidate.value().dimension().equals(report.value().dimension())) {
                found = candidate;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Change change(FundingFigure current, FundingFigure previous) {
        BigDecimal now = current.value().number();
        BigDecimal before = previous.value().number();
        String ratio = before.signum() == 0 ? null : now.divide(before, 4, RoundingMode.HALF_UP).toPlainString();
        return new Change(previous.id, Value.of(previous.value()), now.subtract(before).toPlainString(),
                ratio, implausible(before, now));
    }

    /** More than five times up or down; a start from zero is not a jump. */
    static boolean implausible(BigDecimal before, BigDecimal now) {
        if (before.signum() <= 0 || now.signum() <= 0) {
            return false;
        }
        BigDecimal high = before.max(now);
        BigDecimal low = before.min(now);
        return high.compareTo(low.multiply(PLAUSIBLE_FACTOR)) > 0;
    }

    private static Progress progress(FundingFigure target, List<FundingFigure> actuals) {
        Period period = target.period();
        String dimension = target.value().dimension();
        List<FundingFigure> comparable = actuals.stream().filter(a -> a.value().dimension().equals(dimension))
                .toList();
        List<FundingFigure> basis = List.of();
        if (period.kind() == PeriodKind.SPAN) {
            // Flows inside the target's span add up; without them, a running total inside the span stands in.
            basis = flows(comparable.stream().filter(a -> a.periodKind == PeriodKind.SPAN
                    && a.period().within(period)).toList());
            if (basis.isEmpty()) {
                basis = comparable.stream().filter(a -> a.periodKind == PeriodKind.CUMULATIVE_SINCE
                        && a.period().within(period)).reduce((first, second) -> second).map(List::of)
                        .orElse(List.of());
            }
        } else {
            basis = comparable.stream().filter(a -> a.periodKind != PeriodKind.SPAN
                    && !a.periodEnd.isAfter(period.end())).reduce((first, second) -> second).map(List::of)
                    .orElse(List.of());
        }
        FigureValue goal = target.value();
        BigDecimal achieved = basis.stream().map(f -> f.value().number()).reduce(BigDecimal::add).orElse(null);
        String percent = achieved == null || goal.number().signum() == 0 ? null
                : achieved.multiply(BigDecimal.valueOf(100)).divide(goal.number(), 1, RoundingMode.HALF_UP)
                        .toPlainString();
        return new Progress(target.id, Value.of(goal), Dates.of(period), SourceEntry.of(target.source()),
                achieved == null ? null : Value.of(valueLike(goal, achieved)), percent,
                basis.stream().map(f -> f.id).toList(),
                basis.stream().map(f -> f.periodEnd).max(Comparator.naturalOrder()).orElse(null),
                achieved != null && achieved.compareTo(goal.number()) >= 0);
    }

    /**
     * Span figures that can be added: for one period only its latest report counts (a newer report of the same
     * span restates it), and a span overlapping one already taken is left out so nothing is counted twice.
     */
    static List<FundingFigure> flows(List<FundingFigure> spans) {
        Map<String, FundingFigure> latestPerPeriod = new LinkedHashMap<>();
        spans.forEach(span -> latestPerPeriod.put(span.period().key(), span));
        List<FundingFigure> taken = new ArrayList<>();
        latestPerPeriod.values().stream()
                .sorted(Comparator.comparing((FundingFigure f) -> f.periodStart).thenComparing(f -> f.periodEnd))
                .forEach(span -> {
                    if (taken.stream().noneMatch(t -> t.period().overlaps(span.period()))) {
                        taken.add(span);
                    }
                });
        return taken;
    }

    private static List<Total> totals(List<FundingFigure> actuals) {
        Map<String, List<FundingFigure>> byDimension = new LinkedHashMap<>();
        actuals.stream().filter(a -> a.periodKind == PeriodKind.SPAN)
                .forEach(a -> byDimension.computeIfAbsent(a.value().dimension(), d -> new ArrayList<>()).add(a));
        List<Total> totals = new ArrayList<>();
        byDimension.forEach((dimension, spans) -> {
            List<FundingFigure> added = flows(spans);
            BigDecimal sum = added.stream().map(f -> f.value().number()).reduce(BigDecimal.ZERO, BigDecimal::add);
            FigureValue any = added.get(0).value();
            totals.add(any.money() == null ? new Total(sum.longValueExact(), null, null, added.size())
                    : new Total(null, sum.toPlainString(), dimension, added.size()));
        });
        return totals;
    }

    private static FigureValue valueLike(FigureValue like, BigDecimal number) {
        return like.money() == null ? FigureValue.count(number.longValueExact(), null)
                : FigureValue.money(new Money(number, like.money().currency()), null);
    }
}

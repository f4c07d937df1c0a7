package org.clusterbridge.funding.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clusterbridge.rules.DomainException;
import org.clusterbridge.rules.Violation;

/**
 * Reads a period as a client writes it. AS_OF takes {@code date} (or {@code asOf}/{@code end});
 * CUMULATIVE_SINCE takes {@code since} (a year, month or day) and {@code asOf} (or {@code end}); SPAN takes
 * {@code start} and {@code end}, or {@code fiscalYears} ({@code {"from": "FY2013", "to": "FY2017"}},
 * {@code 平成25年度}, or one range text such as {@code 平成25～29年度}). The kind may be left out when the fields
 * say it. A representation read back from the API is accepted as it is.
 */
public final class PeriodReader {

    private static final int MIN_YEAR = 1800;
    private static final int MAX_YEAR = 2200;

    private PeriodReader() {
    }

    /** The client's period fields. */
    public record Input(PeriodKind kind, String date, String since, String asOf, String start, String end,
            String fiscalFrom, String fiscalTo, String fiscalRange) {

        boolean fiscal() {
            return fiscalFrom != null || fiscalTo != null || fiscalRange != null;
        }
    }

    public static Period read(Input in) {
        PeriodKind kind = in.kind() != null ? in.kind()
                : in.fiscal() ? PeriodKind.SPAN
                        : in.since() != null ? PeriodKind.CUMULATIVE_SINCE
                                : in.start() != null ? PeriodKind.SPAN : PeriodKind.AS_OF;
        List<Violation> errors = new ArrayList<>();
        Period period = switch (kind) {
            case AS_OF -> asOf(in, errors);
            case CUMULATIVE_SINCE -> cumulative(in, errors);
            case SPAN -> span(in, errors);
        };
        if (!errors.isEmpty()) {
            throw DomainException.invalid(errors);
        }
        return period;
    }

    private static Period asOf(Input in, List<Violation> errors) {
        notAllowed(errors, "AS_OF", Map.of("since", in.since() != null, "start", in.start() != null,
                "fiscalYears", in.fiscal()));
        Map<String, Optional<String>> dates = new LinkedHashMap<>();
        dates.put("date", opt(in.date()));
        dates.put("asOf", opt(in.asOf()));
        dates.put("end", opt(in.end()));
        LocalDate date = sameDate(errors, "date", dates);
        return errors.isEmpty() ? Period.asOf(date) : null;
    }

    private static Period cumulative(Input in, List<Violation> errors) {
        notAllowed(errors, "CUMULATIVE_SINCE", Map.of("fiscalYears", in.fiscal()));
        String sinceText = in.since() != null ? in.since() : in.start();
        String sinceField = in.since() != null ? "since" : "start";
        PartialDate since = null;
        if (sinceText == null) {
            errors.add(new Violation("period.since", "is required for CUMULATIVE_SINCE (a year such as 2005, or a date)"));
        } else {
            since = PartialDate.parse(sinceText).filter(PeriodReader::inRange).orElse(null);
            if (since == null) {
                errors.add(new Violation("period." + sinceField, "must be a year (2005), a month (2005-01) or a date (2005-01-03)"));
            } else if (in.since() != null && in.start() != null) {
                Optional<LocalDate> start = day(in.start());
                if (start.isEmpty() || !start.get().equals(since.firstDay())) {
                    errors.add(new Violation("period.start", "must be the first day of since (" + since.firstDay() + ")"));
                }
            }
        }
        Map<String, Optional<String>> ends = new LinkedHashMap<>();
        ends.put("asOf", opt(in.asOf()));
        ends.put("end", opt(in.end()));
        ends.put("date", opt(in.date()));
        LocalDate asOf = sameDate(errors, "asOf", ends);
        if (since != null && asOf != null && since.firstDay().isAfter(asOf)) {
            errors.add(new Violation("period.since", "must not be after asOf " + asOf));
        }
        return errors.isEmpty() ? Period.cumulativeSince(since, asOf) : null;
    }

    private static Period span(Input in, List<Violation> errors) {
        notAllowed(errors, "SPAN", Map.of("since", in.since() != null, "asOf", in.asOf() != null,
                "date", in.date() != null));
        Period period;
        if (in.fiscal()) {
            period = fiscal(in, errors);
            if (period != null) {
                day(in.start()).filter(start -> !start.equals(period.start())).ifPresent(start -> errors.add(
                        new Violation("period.start", "does not match fiscalYears (" + period.start() + ")")));
                day(in.end()).filter(end -> !end.equals(period.end())).ifPresent(end -> errors.add(
                        new Violation("period.end", "does not match fiscalYears (" + period.end() + ")")));
            }
        } else {
            LocalDate start = requiredDay(errors, "start", in.start(), "SPAN");
            LocalDate end = requiredDay(errors, "end", in.end(), "SPAN");
            period = start != null && end != null ? Period.span(start, end) : null;
        }
        if (period != null && period.start().isAfter(period.end())) {
            errors.add(new Violation("period.end", "must not be before start " + period.start()));
        }
        return errors.isEmpty() ? period : null;
    }

    private static Period fiscal(Input in, List<Violation> errors) {
        String from = in.fiscalFrom();
        String to = in.fiscalTo();
        String fromField = "period.fiscalYears.from";
        String toField = "period.fiscalYears.to";
        if (in.fiscalRange() != null) {
            Optional<String[]> range = FiscalYear.splitRange(in.fiscalRange());
            if (range.isEmpty()) {
                // one fiscal year on its own ("平成25年度") is a span of that year
                from = in.fiscalRange();
                to = in.fiscalRange();
            } else {
                from = range.get()[0];
                to = range.get()[1];
            }
            fromField = "period.fiscalYears";
            toField = "period.fiscalYears";
        }
        if (from == null || to == null) {
            errors.add(new Violation(from == null ? fromField : toField, "is required (FY2013, 2013年度 or 平成25年度)"));
            return null;
        }
        FiscalYear first = FiscalYear.parse(from, null).filter(PeriodReader::inRange).orElse(null);
        FiscalYear last = FiscalYear.parse(to, FiscalYear.eraOf(from)).filter(PeriodReader::inRange).orElse(null);
        if (first == null) {
            errors.add(new Violation(fromField, "\"" + from + "\" is not a fiscal year such as FY2013, 2013年度 or 平成25年度"));
        }
        if (last == null) {
            errors.add(new Violation(toField, "\"" + to + "\" is not a fiscal year such as FY2017, 2017年度 or 平成29年度"));
        }
        if (first == null || last == null) {
            return null;
        }
        if (first.year() > last.year()) {
            errors.add(new Violation(toField, last.label() + " is before " + first.label()));
            return null;
        }
        return Period.fiscalYears(first, last);
    }

    private static void notAllowed(List<Violation> errors, String kind, Map<String, Boolean> present) {
        present.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).sorted()
                .forEach(field -> errors.add(new Violation("period." + field, "is not used by a " + kind + " period")));
    }

    /** All the given dates must agree; the first field named is the one reported when none is given. */
    private static LocalDate sameDate(List<Violation> errors, String main, Map<String, Optional<String>> fields) {
        LocalDate found = null;
        String foundField = null;
        boolean bad = false;
        for (Map.Entry<String, Optional<String>> field : fields.entrySet()) {
            if (field.getValue().isEmpty()) {
                continue;
            }
            Optional<LocalDate> date = day(field.getValue().get());
            if (date.isEmpty()) {
                errors.add(new Violation("period." + field.getKey(), "must be a date (YYYY-MM-DD)"));
                bad = true;
            } else if (found == null) {
                found = date.get();
                foundField = field.getKey();
            } else if (!found.equals(date.get())) {
                errors.add(new Violation("period." + field.getKey(), "differs from " + foundField + " " + found));
                bad = true;
            }
        }
        if (found == null && !bad) {
            errors.add(new Violation("period." + main, "is required"));
        }
        return bad ? null : found;
    }

    private static LocalDate requiredDay(List<Violation> errors, String field, String value, String kind) {
        if (value == null) {
            errors.add(new Violation("period." + field, "is required for a " + kind + " period"));
            return null;
        }
        Optional<LocalDate> date = day(value);
        if (date.isEmpty()) {
            errors.add(new Violation("period." + field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
        return date.get();
    }

    private static Optional<LocalDate> day(String value) {
        if (value == null || !value.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            return date.getYear() >= MIN_YEAR && date.getYear() <= MAX_YEAR ? Optional.of(date) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> opt(String value) {
        return Optional.ofNullable(value);
    }

    private static boolean inRange(PartialDate date) {
        return date.firstDay().getYear() >= MIN_YEAR && date.firstDay().getYear() <= MAX_YEAR;
    }

    private static boolean inRange(FiscalYear year) {
        return year.year() >= MIN_YEAR && year.year() <= MAX_YEAR;
    }
}

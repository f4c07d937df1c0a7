package org.clusterbridge.funding.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/** A date given to a year, a month or a day ("2005", "2020-02", "2020-02-05"). */
public record PartialDate(LocalDate firstDay, DatePrecision precision) {

    public static Optional<PartialDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        try {
            if (value.matches("\\d{4}")) {
                return Optional.of(new PartialDate(LocalDate.of(Integer.parseInt(value), 1, 1), DatePrecision.YEAR));
            }
            if (value.matches("\\d{4}-\\d{2}")) {
                return Optional.of(new PartialDate(YearMonth.parse(value).atDay(1), DatePrecision.MONTH));
            }
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(new PartialDate(LocalDate.parse(value), DatePrecision.DAY));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The last day the partial date may mean: 2005 -> 2005-12-31. */
    public LocalDate lastDay() {
        return switch (precision) {
            case YEAR -> firstDay.withDayOfYear(firstDay.lengthOfYear());
            case MONTH -> firstDay.withDayOfMonth(firstDay.lengthOfMonth());
            case DAY -> firstDay;
        };
    }

    public String text() {
        return switch (precision) {
            case YEAR -> String.valueOf(firstDay.getYear());
            case MONTH -> YearMonth.from(firstDay).toString();
            case DAY -> firstDay.toString();
        };
    }
}

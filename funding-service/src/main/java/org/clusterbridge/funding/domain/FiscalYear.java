package org.clusterbridge.funding.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Japanese fiscal year, April to March: FY2013 = 2013-04-01 to 2014-03-31. Read from {@code FY2013},
 * {@code 2013年度}, {@code 平成25年度} / {@code H25}, {@code 令和2年度} / {@code R2} or a bare {@code 2013}.
 */
public record FiscalYear(int year) {

    private static final Pattern WESTERN = Pattern.compile("(?i)^(?:FY)?(\\d{4})(?:年度)?$");
    private static final Pattern ERA = Pattern.compile("(?i)^(平成|令和|昭和|H|R|S)(\\d{1,2}|元)(?:年度|年)?$");

    public LocalDate start() {
        return LocalDate.of(year, 4, 1);
    }

    public LocalDate end() {
        return LocalDate.of(year + 1, 3, 31);
    }

    public String label() {
        return "FY" + year;
    }

    /** Reads one fiscal year; {@code era} is the era inherited from the start of a range ("平成25～29年度"). */
    public static Optional<FiscalYear> parse(String text, String era) {
        if (text == null) {
            return Optional.empty();
        }
        String value = normalize(text);
        Matcher western = WESTERN.matcher(value);
        if (western.matches()) {
            int year = Integer.parseInt(western.group(1));
            return year >= 1900 && year <= 2200 ? Optional.of(new FiscalYear(year)) : Optional.empty();
        }
        if (era != null && value.matches("^(\\d{1,2}|元)(?:年度|年)?$")) {
            value = era + value;
        }
        Matcher japanese = ERA.matcher(value);
        if (japanese.matches()) {
            int n = "元".equals(japanese.group(2)) ? 1 : Integer.parseInt(japanese.group(2));
            int base = switch (japanese.group(1).toUpperCase()) {
                case "平成", "H" -> 1988;
                case "令和", "R" -> 2018;
                default -> 1925;
            };
            return n >= 1 ? Optional.of(new FiscalYear(base + n)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The era a Japanese label starts with, so the end of "平成25～29年度" can be read as 平成29年度. */
    public static String eraOf(String text) {
        Matcher japanese = ERA.matcher(normalize(text));
        return japanese.matches() ? japanese.group(1) : null;
    }

    /** Splits a range such as "FY2013-FY2017", "平成25～29年度" or "2013年度〜2017年度" into its two ends. */
    public static Optional<String[]> splitRange(String text) {
        String value = normalize(text);
        String[] parts = value.split("\\s*(?:~|〜|-|–|—|to)\\s*", 2);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        // "平成25～29年度": the suffix 年度 belongs to both ends
        if (parts[1].endsWith("年度") && !parts[0].endsWith("年度")) {
            parts[0] = parts[0] + "年度";
        }
        return Optional.of(parts);
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "").trim();
    }
}

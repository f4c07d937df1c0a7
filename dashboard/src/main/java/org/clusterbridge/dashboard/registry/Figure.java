package org.clusterbridge.dashboard.registry;

import java.math.BigDecimal;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/** One reported figure (a point of a series, a target or a list item): its value, period and source. */
public record Figure(String id, String clusterId, String indicator, String nature, String qualifier, String value,
        double amount,
        String currency, String period, String periodStart, String periodEnd, Source source, boolean implausibleJump, String note) {

    static Figure of(JsonNode node) {
        JsonNode value = node.has("target") ? node.get("target") : node.get("value");
        return new Figure(Json.text(node, node.has("figureId") ? "figureId" : "id"), Json.text(node, "clusterId"),
                Json.text(node, "indicator"), Json.text(node, "nature"), Json.text(value, "qualifier"), shown(value),
                amount(value),
                Json.text(value, "currency"), period(node.get("period")), Json.text(node.get("period"), "start"),
                periodEnd(node.get("period")),
                Source.of(node.get("source")), Json.flag(node, "implausibleJump"), Json.text(node, "note"));
    }

    /** The value with its qualifier in {@code language}: "nearly €21,000,000,000", "ほぼ €21,000,000,000". */
    public String shown(String language) {
        return Quantities.in(qualifier, value, language);
    }

    /** "383", "€21,000,000,000", "¥1,200,000" (the qualifier apart). */
    static String shown(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.has("count")) {
            return String.format(Locale.ROOT, "%,d", value.get("count").asLong());
        }
        String amount = Json.text(value, "amount");
        String currency = Json.text(value, "currency");
        if (amount == null) {
            return "";
        }
        String symbol = switch (String.valueOf(currency)) {
            case "EUR" -> "€";
            case "JPY" -> "¥";
            case "USD" -> "$";
            default -> currency + " ";
        };
        try {
            return symbol + String.format(Locale.ROOT, "%,.0f", new BigDecimal(amount));
        } catch (NumberFormatException e) {
            return symbol + amount;
        }
    }

    static double amount(JsonNode value) {
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.has("count")) {
            return value.get("count").asDouble();
        }
        try {
            return new BigDecimal(String.valueOf(Json.text(value, "amount"))).doubleValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** "as of 2020-02-05", "since 2005, as of 2020-02-05", "FY2013–FY2017". */
    static String period(JsonNode period) {
        if (period == null || period.isNull()) {
            return "";
        }
        JsonNode fiscal = period.get("fiscalYears");
        if (fiscal != null && fiscal.isObject()) {
            return Json.text(fiscal, "from") + "–" + Json.text(fiscal, "to");
        }
        String kind = String.valueOf(Json.text(period, "kind"));
        return switch (kind) {
            case "CUMULATIVE_SINCE" -> "since " + Json.text(period, "since") + ", as of " + Json.text(period, "asOf");
            case "SPAN" -> Json.text(period, "start") + " – " + Json.text(period, "end");
            default -> "as of " + (period.has("asOf") ? Json.text(period, "asOf") : Json.text(period, "end"));
        };
    }

    static String periodEnd(JsonNode period) {
        if (period == null || period.isNull()) {
            return null;
        }
        return period.has("asOf") ? Json.text(period, "asOf") : Json.text(period, "end");
    }
}

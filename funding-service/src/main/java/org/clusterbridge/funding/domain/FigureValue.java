package org.clusterbridge.funding.domain;

import java.math.BigDecimal;

/** A figure's value: a whole count, or money. Exactly one of {@code count} and {@code money} is set. */
public record FigureValue(Long count, Money money, Qualifier qualifier) {

    public static FigureValue count(long count, Qualifier qualifier) {
        return new FigureValue(count, null, qualifier);
    }

    public static FigureValue money(Money money, Qualifier qualifier) {
        return new FigureValue(null, money, qualifier);
    }

    public Unit unit() {
        return money == null ? Unit.COUNT : Unit.MONEY;
    }

    /** The number behind the value, for arithmetic (exact for both kinds). */
    public BigDecimal number() {
        return money == null ? BigDecimal.valueOf(count) : money.amount();
    }

    /** Values can be compared and added when they are both counts or both money in one currency. */
    public String dimension() {
        return money == null ? "COUNT" : money.currency().getCurrencyCode();
    }
}

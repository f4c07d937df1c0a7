package org.clusterbridge.funding.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

import org.clusterbridge.rules.DomainException;

/** An exact amount in an ISO 4217 currency. Never a binary float; at most the currency's minor-unit digits. */
public record Money(BigDecimal amount, Currency currency) {

    /** Amounts beyond this many integer digits are refused (30-digit amounts fit comfortably). */
    public static final int MAX_INTEGER_DIGITS = 40;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** Checks an amount and currency code as a client sent them; {@code field} prefixes the violations. */
    public static Money of(BigDecimal amount, String currencyCode, String amountField, String currencyField) {
        Currency currency = currency(currencyCode, currencyField);
        if (amount == null) {
            throw DomainException.invalid(amountField, "is required");
        }
        if (amount.signum() < 0) {
            throw DomainException.invalid(amountField, "must not be negative");
        }
        // precision - scale counts integer digits without expanding the number (1e999999999 stays cheap)
        if ((long) amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw DomainException.invalid(amountField, "must have at most " + MAX_INTEGER_DIGITS + " integer digits");
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.signum() != 0 && amount.stripTrailingZeros().scale() > digits) {
            throw DomainException.invalid(amountField, currency.getCurrencyCode() + " amounts have at most "
                    + digits + " decimal" + (digits == 1 ? "" : "s"));
        }
        BigDecimal exact = amount.scale() < 0 ? amount.setScale(0) : amount;
        if (exact.signum() == 0 && exact.scale() > digits) {
            exact = exact.setScale(digits);
        }
        return new Money(exact, currency);
    }

    public static Currency currency(String code, String field) {
        if (code == null || code.isBlank()) {
            throw DomainException.invalid(field, "is required with an amount (ISO 4217 code such as EUR, JPY)");
        }
        if (!code.matches("[A-Z]{3}")) {
            throw DomainException.invalid(field, "must be an ISO 4217 code in capitals such as EUR or JPY");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "unknown ISO 4217 currency " + code);
        }
    }

    public String plainAmount() {
        return amount.toPlainString();
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }
}

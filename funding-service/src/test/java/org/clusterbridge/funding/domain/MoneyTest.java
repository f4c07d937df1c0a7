package org.clusterbridge.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.clusterbridge.rules.DomainException;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsKeepEveryDigitAndAddWithoutDrift() {
        Money tenCents = Money.of(new BigDecimal("0.10"), "EUR", "a", "c");
        Money twentyCents = Money.of(new BigDecimal("0.20"), "EUR", "a", "c");
        assertThat(tenCents.plus(twentyCents).plainAmount()).isEqualTo("0.30");
        assertThat(Money.of(new BigDecimal("123456789012345678901234567890"), "JPY", "a", "c").plainAmount())
                .isEqualTo("123456789012345678901234567890");
        assertThat(Money.of(new BigDecimal("1E+9"), "EUR", "a", "c").plainAmount()).isEqualTo("1000000000");
        assertThat(Money.of(new BigDecimal("1.500"), "EUR", "a", "c").plainAmount()).isEqualTo("1.500");
    }

    @Test
    void currenciesAreNeverAddedTogether() {
        Money euros = Money.of(BigDecimal.ONE, "EUR", "a", "c");
        Money yen = Money.of(BigDecimal.ONE, "JPY", "a", "c");
        assertThatThrownBy(() -> euros.plus(yen)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decimalsBeyondTheCurrencysMinorUnitAreRefused() {
        assertThatThrownBy(() -> Money.of(new BigDecimal("0.001"), "EUR", "value.amount", "value.currency"))
                .isInstanceOf(DomainException.class).hasMessageContaining("value.amount");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1.5"), "JPY", "value.amount", "value.currency"))
                .hasMessageContaining("JPY amounts have at most 0 decimals");
        assertThat(Money.of(new BigDecimal("0.125"), "BHD", "a", "c").plainAmount()).isEqualTo("0.125");
        assertThatThrownBy(() -> Money.of(new BigDecimal("1e999999999"), "EUR", "value.amount", "c"))
                .hasMessageContaining("integer digits");
        assertThatThrownBy(() -> Money.of(new BigDecimal("-1"), "EUR", "value.amount", "c"))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> Money.of(BigDecimal.ONE, "ABC", "a", "value.currency"))
                .hasMessageContaining("unknown ISO 4217");
    }
}

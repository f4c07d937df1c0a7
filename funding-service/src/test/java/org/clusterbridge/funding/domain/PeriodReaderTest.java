package org.clusterbridge.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodReaderTest {

    private static PeriodReader.Input input(PeriodKind kind, String date, String since, String asOf, String start,
            String end, String from, String to) {
        return new PeriodReader.Input(kind, date, since, asOf, start, end, from, to, null);
    }

    @Test
    void sinceAYearIsAYearPrecisionStart() {
        Period period = PeriodReader.read(input(null, null, "2005", "2020-02-05", null, null, null, null));
        assertThat(period.kind()).isEqualTo(PeriodKind.CUMULATIVE_SINCE);
        assertThat(period.start()).isEqualTo(LocalDate.of(2005, 1, 1));
        assertThat(period.startPrecision()).isEqualTo(DatePrecision.YEAR);
        assertThat(period.since()).isEqualTo("2005");
        assertThat(period.end()).isEqualTo(LocalDate.of(2020, 2, 5));
    }

    @Test
    void fiscalYearsMakeASpan() {
        Period period = PeriodReader.read(input(null, null, null, null, null, null, "平成25年度", "29年度"));
        assertThat(period.kind()).isEqualTo(PeriodKind.SPAN);
        assertThat(period.start()).isEqualTo(LocalDate.of(2013, 4, 1));
        assertThat(period.end()).isEqualTo(LocalDate.of(2018, 3, 31));
        assertThat(period.fiscalYearFrom()).isEqualTo(2013);
        assertThat(period.fiscalYearTo()).isEqualTo(2017);
    }

    @Test
    void theDatesOfAPeriodMustAgree() {
        assertThat(PeriodReader.read(input(PeriodKind.AS_OF, "2019-01-01", null, null, null, "2019-01-01", null,
                null)).end()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThatThrownBy(() -> PeriodReader.read(input(PeriodKind.AS_OF, "2019-01-01", null, null, null,
                "2019-01-02", null, null))).hasMessageContaining("period.end");
        assertThatThrownBy(() -> PeriodReader.read(input(PeriodKind.SPAN, null, null, null, "2019-02-01",
                "2019-01-01", null, null))).hasMessageContaining("period.end");
    }
}

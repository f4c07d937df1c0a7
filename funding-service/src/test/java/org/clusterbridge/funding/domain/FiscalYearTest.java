package org.clusterbridge.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiscalYearTest {

    @ParameterizedTest
    @CsvSource({ "FY2013,2013", "fy 2013,2013", "2013年度,2013", "平成25年度,2013", "平成２５年度,2013", "H25,2013",
            "平成元年度,1989", "令和2年度,2020", "R1,2019", "2017,2017" })
    void labelsAreReadAsAprilToMarchYears(String label, int year) {
        FiscalYear fiscal = FiscalYear.parse(label, null).orElseThrow();
        assertThat(fiscal.year()).isEqualTo(year);
        assertThat(fiscal.start()).isEqualTo(LocalDate.of(year, 4, 1));
        assertThat(fiscal.end()).isEqualTo(LocalDate.of(year + 1, 3, 31));
    }

    @ParameterizedTest
    @CsvSource({ "平成25～29年度,FY2013,FY2017", "平成25〜平成29年度,FY2013,FY2017", "FY2013-FY2017,FY2013,FY2017",
            "2013年度～2017年度,FY2013,FY2017", "H25-29,FY2013,FY2017" })
    void rangesInheritTheEraOfTheirStart(String range, String from, String to) {
        String[] parts = FiscalYear.splitRange(range).orElseThrow();
        FiscalYear first = FiscalYear.parse(parts[0], null).orElseThrow();
        FiscalYear last = FiscalYear.parse(parts[1], FiscalYear.eraOf(parts[0])).orElseThrow();
        assertThat(first.label()).isEqualTo(from);
        assertThat(last.label()).isEqualTo(to);
    }

    @ParameterizedTest
    @CsvSource({ "平成xx年度", "FY13", "next year", "平成0年度" })
    void otherTextIsNotAFiscalYear(String label) {
        assertThat(FiscalYear.parse(label, null)).isEmpty();
    }
}

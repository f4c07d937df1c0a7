package org.clusterbridge.funding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FundingFigureTest {

    @Test
    void aFigureIsReportedByWhoRecordedItAndByNobodyWhenThatWasNotRecorded() {
        FundingFigure figure = new FundingFigure();
        figure.createdBy = "partner-a";
        assertThat(figure.reportedBy("partner-a")).isTrue();
        assertThat(figure.reportedBy("partner-b")).isFalse();
        assertThat(figure.reportedBy(null)).isFalse();

        FundingFigure beforeAuditing = new FundingFigure();
        assertThat(beforeAuditing.reportedBy("partner-a")).isFalse();
        assertThat(beforeAuditing.reportedBy(null)).isFalse();
    }
}

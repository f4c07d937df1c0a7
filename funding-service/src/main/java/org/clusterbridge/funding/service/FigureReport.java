package org.clusterbridge.funding.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.clusterbridge.funding.domain.Nature;
import org.clusterbridge.funding.domain.PeriodReader;
import org.clusterbridge.funding.domain.Qualifier;
import org.clusterbridge.funding.domain.SourceDocument;

/**
 * A figure as a partner reports or corrects it, before the domain's rules have read it: the input of
 * {@link FundingFigureService#record} and {@link FundingFigureService#correct}. Texts are as given (untrimmed).
 */
public record FigureReport(UUID clusterId, String indicator, Nature nature, ReportedValue value,
        PeriodReader.Input period, List<ReportedFunder> funders, SourceDocument source, String note) {

    /** A count, or an amount with its currency code, not yet checked. */
    public record ReportedValue(BigDecimal count, BigDecimal amount, String currency, Qualifier qualifier) {
    }

    /** A funder with its amount and currency code, not yet checked. */
    public record ReportedFunder(String name, String description, BigDecimal amount, String currency) {
    }
}

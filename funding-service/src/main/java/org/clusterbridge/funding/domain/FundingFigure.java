package org.clusterbridge.funding.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reported figure in its current version. Its earlier versions are {@link FundingFigureVersion}s. */
@Entity
@Table(name = "funding_figure")
public class FundingFigure extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "cluster_id")
    public UUID clusterId;
    public String indicator;
    @Enumerated(EnumType.STRING)
    public Nature nature;
    @Column(name = "value_count")
    public Long valueCount;
    @Column(name = "value_amount")
    public BigDecimal valueAmount;
    @Column(name = "value_currency")
    public String valueCurrency;
    @Enumerated(EnumType.STRING)
    @Column(name = "value_qualifier")
    public Qualifier valueQualifier;
    @Enumerated(EnumType.STRING)
    @Column(name = "period_kind")
    public PeriodKind periodKind;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Enumerated(EnumType.STRING)
    @Column(name = "period_start_precision")
    public DatePrecision periodStartPrecision;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Column(name = "fiscal_year_from")
    public Integer fiscalYearFrom;
    @Column(name = "fiscal_year_to")
    public Integer fiscalYearTo;
    /** The funders as JSON (amounts as decimal strings). */
    public String funders;
    @Column(name = "source_title")
    public String sourceTitle;
    @Column(name = "source_publisher")
    public String sourcePublisher;
    @Column(name = "source_language")
    public String sourceLanguage;
    @Column(name = "source_published_on")
    public String sourcePublishedOn;
    @Column(name = "source_url")
    public String sourceUrl;
    public String note;
    @Column(name = "report_key")
    public String reportKey;
    public long version;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Subject of the token that recorded the figure; null for figures recorded before auditing began. */
    @Column(name = "created_by", length = 255)
    public String createdBy;
    /** Subject of the token that made the current version. */
    @Column(name = "updated_by", length = 255)
    public String updatedBy;

    /** Whether {@code subject} recorded this figure; false for everyone when the figure predates auditing. */
    public boolean reportedBy(String subject) {
        return createdBy != null && createdBy.equals(subject);
    }

    public Indicator indicator() {
        return Indicator.byCode(indicator).orElseThrow();
    }

    public FigureValue value() {
        if (valueCount != null) {
            return FigureValue.count(valueCount, valueQualifier);
        }
        return FigureValue.money(new Money(valueAmount, Currency.getInstance(valueCurrency)), valueQualifier);
    }

    public void value(FigureValue value) {
        valueCount = value.count();
        valueAmount = value.money() == null ? null : value.money().amount();
        valueCurrency = value.money() == null ? null : value.money().currency().getCurrencyCode();
        valueQualifier = value.qualifier();
    }

    public Period period() {
        return new Period(periodKind, periodStart, periodStartPrecision, periodEnd, fiscalYearFrom, fiscalYearTo);
    }

    public void period(Period period) {
        periodKind = period.kind();
        periodStart = period.start();
        periodStartPrecision = period.startPrecision();
        periodEnd = period.end();
        fiscalYearFrom = period.fiscalYearFrom();
        fiscalYearTo = period.fiscalYearTo();
    }

    public SourceDocument source() {
        return new SourceDocument(sourceTitle, sourcePublisher, sourceLanguage, sourcePublishedOn, sourceUrl);
    }

    public void source(SourceDocument source) {
        sourceTitle = source.title();
        sourcePublisher = source.publisher();
        sourceLanguage = source.language();
        sourcePublishedOn = source.publishedOn();
        sourceUrl = source.url();
    }

    /** The identity of a report: the same cluster, indicator, nature, period and source is the same report. */
    public static String reportKey(UUID clusterId, Indicator indicator, Nature nature, Period period,
            SourceDocument source) {
        String text = clusterId + "|" + indicator.code() + "|" + nature + "|" + period.key() + "|" + source.key();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

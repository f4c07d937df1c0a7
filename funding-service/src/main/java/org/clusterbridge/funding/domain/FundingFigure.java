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
    public UUID clusterId;
    public String indicator;
    @Enumerated(EnumType.STRING)
    public Nature nature;
    public Long valueCount;
    public BigDecimal valueAmount;
    public String valueCurrency;
    @Enumerated(EnumType.STRING)
    public Qualifier valueQualifier;
    @Enumerated(EnumType.STRING)
    public PeriodKind periodKind;
    public LocalDate periodStart;
    @Enumerated(EnumType.STRING)
    public DatePrecision periodStartPrecision;
    public LocalDate periodEnd;
    public Integer fiscalYearFrom;
    public Integer fiscalYearTo;
    /** The funders as JSON (amounts as decimal strings). */
    public String funders;
    public String sourceTitle;
    public String sourcePublisher;
    public String sourceLanguage;
    public String sourcePublishedOn;
    public String sourceUrl;
    public String note;
    public String reportKey;
    public long version;
    public Instant recordedAt;
    public Instant updatedAt;
    /** Subject of the token that recorded the figure; null for figures recorded before auditing began. */
    @Column(length = 255)
    public String createdBy;
    /** Subject of the token that made the current version. */
    @Column(length = 255)
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

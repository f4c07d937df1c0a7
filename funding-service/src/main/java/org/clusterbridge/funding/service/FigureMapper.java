package org.clusterbridge.funding.service;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.funding.api.FundingFigureResponse;
import org.clusterbridge.funding.api.FundingFigureResponse.FiscalYearsView;
import org.clusterbridge.funding.api.FundingFigureResponse.FunderView;
import org.clusterbridge.funding.api.FundingFigureResponse.PeriodView;
import org.clusterbridge.funding.api.FundingFigureResponse.SourceView;
import org.clusterbridge.funding.api.FundingFigureResponse.ValueView;
import org.clusterbridge.funding.domain.FigureValue;
import org.clusterbridge.funding.domain.FiscalYear;
import org.clusterbridge.funding.domain.Funder;
import org.clusterbridge.funding.domain.FundingFigure;
import org.clusterbridge.funding.domain.Money;
import org.clusterbridge.funding.domain.Period;
import org.clusterbridge.funding.domain.SourceDocument;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Between stored figures and their JSON representation. Amounts always travel as decimal strings. */
@ApplicationScoped
public class FigureMapper {

    private static final TypeReference<List<FunderView>> FUNDERS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    FigureMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public FundingFigureResponse toResponse(FundingFigure figure) {
        return new FundingFigureResponse(figure.id, figure.clusterId, figure.indicator, figure.indicator().unit(),
                figure.nature, value(figure.value()), period(figure.period()), funderViews(figure.funders),
                source(figure.source()), figure.note, figure.version, figure.recordedAt, figure.createdBy,
                figure.updatedAt, figure.updatedBy);
    }

    public static ValueView value(FigureValue value) {
        return value.money() == null ? new ValueView(value.count(), null, null, value.qualifier())
                : new ValueView(null, value.money().plainAmount(), value.money().currency().getCurrencyCode(),
                        value.qualifier());
    }

    public static PeriodView period(Period period) {
        return switch (period.kind()) {
            case AS_OF -> new PeriodView(period.kind(), null, period.end(), period.end(), null, null, null);
            case CUMULATIVE_SINCE -> new PeriodView(period.kind(), period.start(), period.end(), null, period.since(),
                    period.end(), null);
            case SPAN -> new PeriodView(period.kind(), period.start(), period.end(), null, null, null,
                    period.fiscalYearFrom() == null ? null
                            : new FiscalYearsView(new FiscalYear(period.fiscalYearFrom()).label(),
                                    new FiscalYear(period.fiscalYearTo()).label()));
        };
    }

    public static SourceView source(SourceDocument source) {
        return new SourceView(source.title(), source.publisher(), source.language(), source.publishedOn(),
                source.url());
    }

    public String fundersJson(List<Funder> funders) {
        return json(funders.stream().map(funder -> new FunderView(funder.name(), funder.description(),
                funder.amount() == null ? null : funder.amount().plainAmount(),
                funder.amount() == null ? null : funder.amount().currency().getCurrencyCode())).toList());
    }

    public List<FunderView> funderViews(String json) {
        try {
            return mapper.readValue(json, FUNDERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored funders are not JSON", e);
        }
    }

    public List<Funder> funders(String json) {
        return funderViews(json).stream().map(view -> new Funder(view.name(), view.description(),
                view.amount() == null ? null
                        : new Money(new BigDecimal(view.amount()), Currency.getInstance(view.currency()))))
                .toList();
    }

    public String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }
}

package org.clusterbridge.funding.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.funding.domain.FigureSnapshot;
import org.clusterbridge.funding.domain.FigureSnapshot.FunderEntry;
import org.clusterbridge.funding.domain.Funder;
import org.clusterbridge.funding.domain.FundingFigure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Between figures and their JSON columns (funders, stored versions). Amounts always travel as decimal strings. */
@ApplicationScoped
public class FigureMapper {

    private static final TypeReference<List<FunderEntry>> FUNDERS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    FigureMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The figure in its current version. */
    public FigureSnapshot snapshot(FundingFigure figure) {
        return FigureSnapshot.of(figure, entries(figure.funders));
    }

    public String fundersJson(List<Funder> funders) {
        return json(funders.stream().map(FunderEntry::of).toList());
    }

    private List<FunderEntry> entries(String json) {
        try {
            return mapper.readValue(json, FUNDERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored funders are not JSON", e);
        }
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

package org.clusterbridge.funding.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/** JSON numbers with a fraction are read as BigDecimal, never through a double: money stays exact. */
@Singleton
public class ExactNumbers implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        // 3.5 projects is not a count: a fraction is refused instead of being cut to 3.
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}

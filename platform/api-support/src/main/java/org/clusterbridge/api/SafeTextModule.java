package org.clusterbridge.api;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * How every service reads JSON: each string is checked by {@link TextSafety} (a bad one is a 400 naming its
 * field), and nothing may follow the body's value.
 */
@Singleton
public class SafeTextModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        // A body is one JSON value: "{...}}" is malformed, not a value followed by ignored bytes.
        mapper.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.registerModule(new SimpleModule("clusterbridge-safe-text").addDeserializer(String.class,
                new StringDeserializer() {
                    @Override
                    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        String value = super.deserialize(parser, context);
                        String problem = value == null ? null : TextSafety.problem(value);
                        if (problem != null) {
                            throw com.fasterxml.jackson.databind.exc.InvalidFormatException.from(parser,
                                    problem, value, String.class);
                        }
                        return value;
                    }
                }).addKeyDeserializer(String.class, new com.fasterxml.jackson.databind.KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                        String problem = TextSafety.problem(key);
                        if (problem != null) {
                            throw context.weirdKeyException(String.class, key, "key " + problem);
                        }
                        return key;
                    }
                }));
    }
}

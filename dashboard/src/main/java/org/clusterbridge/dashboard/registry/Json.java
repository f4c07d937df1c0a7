package org.clusterbridge.dashboard.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading the services' JSON leniently: a missing or null field is null, never an exception. */
final class Json {

    private Json() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.canConvertToLong() ? 0 : value.asLong();
    }

    static boolean flag(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.asBoolean(false);
    }

    static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> mapper) {
        JsonNode value = node == null ? null : node.get(field);
        List<T> items = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(item -> items.add(mapper.apply(item)));
        }
        return List.copyOf(items);
    }

    static List<String> strings(JsonNode node, String field) {
        return list(node, field, JsonNode::asText);
    }
}

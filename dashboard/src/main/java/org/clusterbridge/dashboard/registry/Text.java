package org.clusterbridge.dashboard.registry;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Multilingual text as the services send it ({@code {"en": "...", "ja": "..."}}), shown in the reader's language
 * and falling back to English, then to any language it has, never to blank.
 */
public record Text(Map<String, String> values) {

    public static final Text EMPTY = new Text(Map.of());

    public Text {
        values = Map.copyOf(values);
    }

    public static Text of(JsonNode node) {
        if (node == null || !node.isObject()) {
            return EMPTY;
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isTextual() && !field.getValue().asText().isBlank()) {
                values.put(field.getKey(), field.getValue().asText());
            }
        });
        return new Text(values);
    }

    public static Text plain(String value) {
        return value == null || value.isBlank() ? EMPTY : new Text(Map.of("en", value));
    }

    /** The text in {@code language}, else English, else any language it has, else an empty string. */
    public String in(String language) {
        String value = values.get(language);
        if (value == null) {
            value = values.get("en");
        }
        if (value == null) {
            value = values.values().stream().findFirst().orElse("");
        }
        return value;
    }

    /** The language {@link #in} gives for {@code language} (for the page's lang attribute). */
    public String languageFor(String language) {
        if (values.containsKey(language)) {
            return language;
        }
        if (values.containsKey("en")) {
            return "en";
        }
        return values.keySet().stream().findFirst().orElse(language);
    }

    /** The text in a language other than {@code language}'s choice, when it differs (a native name beside it). */
    public String other(String language) {
        String shown = in(language);
        String native_ = values.entrySet().stream().filter(e -> !e.getKey().equals("en") && !e.getValue().equals(shown))
                .map(Map.Entry::getValue).findFirst().orElse("");
        if (!native_.isEmpty()) {
            return native_;
        }
        String english = values.getOrDefault("en", "");
        return english.equals(shown) ? "" : english;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}

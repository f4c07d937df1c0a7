package org.clusterbridge.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** BCP-47 language tags and the multilingual texts keyed by them ({@code {"en": "...", "ja": "..."}}). */
public final class LanguageTags {

    private static final int MAX_TAG = 35;

    private LanguageTags() {
    }

    /**
     * The text with its languages in one order, English first and then the others by tag, whatever order it was
     * received or stored in (a JSON column keeps keys in an order of its own): the same text always reads, and
     * serialises, the same. Null stays null.
     */
    public static Map<String, String> inOrder(Map<String, String> text) {
        if (text == null) {
            return null;
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        if (text.containsKey("en")) {
            ordered.put("en", text.get("en"));
        }
        new TreeMap<>(text).forEach(ordered::putIfAbsent);
        return Collections.unmodifiableMap(ordered);
    }

    /** A well-formed BCP-47 tag with a language: {@code en}, {@code ja}, {@code fr-BE}, {@code zh-Hant-TW}. */
    public static boolean isTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_TAG) {
            return false;
        }
        try {
            return !new Locale.Builder().setLanguageTag(tag).build().getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }

    /**
     * The rules of a multilingual text: every key a BCP-47 tag, {@code en} present, no value blank or longer
     * than {@code maxLength}.
     */
    public static List<Violation> multilingual(String field, Map<String, String> text, boolean required,
            int maxLength) {
        List<Violation> violations = new ArrayList<>();
        if (text == null) {
            if (required) {
                violations.add(new Violation(field, "is required"));
            }
            return violations;
        }
        if (text.get("en") == null) {
            violations.add(new Violation(field + ".en", "is required: every multilingual text has English"));
        }
        text.forEach((tag, value) -> {
            if (!isTag(tag)) {
                violations.add(new Violation(field + "." + tag, "is not a BCP-47 language tag such as en, ja or fr"));
            } else if (value == null || value.isBlank()) {
                violations.add(new Violation(field + "." + tag, "must not be blank"));
            } else if (value.length() > maxLength) {
                violations.add(new Violation(field + "." + tag, "must be at most " + maxLength + " characters"));
            }
        });
        return violations;
    }
}

package org.clusterbridge.cluster.domain;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Case- and accent-insensitive matching of names: text is decomposed (NFKD, so full-width Latin letters match
 * too), Latin diacritics are dropped and letters lower-cased. Japanese voicing marks are kept, so が stays
 * distinct from か; both sides of a match go through the same normalisation.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return decomposed.replaceAll("[\\u0300-\\u036f]", "").toLowerCase(Locale.ROOT).strip();
    }

    /** One searchable text for all of a cluster's names and its acronym. */
    public static String of(Collection<String> names, String acronym) {
        String all = names.stream().filter(Objects::nonNull).map(SearchText::normalize)
                .collect(Collectors.joining("\n"));
        return acronym == null ? all : all + "\n" + normalize(acronym);
    }
}

package org.clusterbridge.funding.domain;

import java.util.Locale;

/**
 * The document a figure comes from. {@code publishedOn} is a year, month or day ("2020-02") as far as it is
 * known, or null.
 */
public record SourceDocument(String title, String publisher, String language, String publishedOn, String url) {

    /** What makes two sources the same: title, publisher, date and address, ignoring case and spacing. */
    public String key() {
        return normalize(title) + "|" + normalize(publisher) + "|" + normalize(publishedOn) + "|" + normalize(url);
    }

    private static String normalize(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

package org.clusterbridge.dashboard.registry;

import com.fasterxml.jackson.databind.JsonNode;

/** A source document as the services cite it: what a figure or a report was read from. */
public record Source(String title, String publisher, String language, String publishedOn, String url) {

    static Source of(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Source(Json.text(node, "title"), Json.text(node, "publisher"), Json.text(node, "language"),
                Json.text(node, "publishedOn"), Json.text(node, "url"));
    }

    /** Only http(s) links are shown as links; anything else is shown as text. */
    public boolean linkable() {
        return url != null && (url.startsWith("https://") || url.startsWith("http://"));
    }
}

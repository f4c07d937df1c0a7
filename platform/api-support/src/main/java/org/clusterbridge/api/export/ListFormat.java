package org.clusterbridge.api.export;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * What a list answers in, by the request's Accept: a JSON page (the default), or every match as CSV or as
 * newline-delimited JSON. A list resource method produces {@link #JSON_TYPE}, {@link #CSV_TYPE} and
 * {@link #NDJSON_TYPE}, so that Quarkus REST answers any other Accept with a 406.
 */
public enum ListFormat {

    JSON(MediaType.APPLICATION_JSON_TYPE),
    CSV(new MediaType("text", "csv")),
    NDJSON(new MediaType("application", "x-ndjson"));

    public static final String JSON_TYPE = MediaType.APPLICATION_JSON;
    public static final String CSV_TYPE = "text/csv";
    public static final String NDJSON_TYPE = "application/x-ndjson";

    /** For OpenAPI descriptions of a list's 200. */
    public static final String DESCRIPTION = "A page as JSON; with Accept: text/csv or application/x-ndjson every "
            + "match (all pages, no size limit, page and size ignored) streamed in the same order: CSV (UTF-8, "
            + "a header row, one row per item; nested fields as dotted columns such as value.amount and "
            + "value.currency, multilingual texts as one column per language such as names.en and names.ja, lists "
            + "of values joined with ';' and lists of objects as JSON) or one JSON representation per line.";

    private final MediaType mediaType;

    ListFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** Whether every match is streamed rather than one page answered. */
    public boolean streamed() {
        return this != JSON;
    }

    /** The most preferred format the Accept header allows (JSON for none or any). */
    public static ListFormat of(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            for (ListFormat format : values()) {
                if (accepted.isCompatible(format.mediaType)) {
                    return format;
                }
            }
        }
        return JSON;
    }
}

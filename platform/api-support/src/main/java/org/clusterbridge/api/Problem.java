package org.clusterbridge.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An RFC 9457 problem detail, with the invalid fields when there are any. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "errors" })
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are documented under this base. */
    public static final String TYPE_BASE = "https://clusterbridge.org/problems/";

    /** One invalid field: a JSON path such as {@code names.en} or a query parameter name. */
    public record FieldError(String field, String message) {
    }
}

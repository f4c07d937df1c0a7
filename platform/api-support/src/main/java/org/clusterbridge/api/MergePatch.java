package org.clusterbridge.api;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.clusterbridge.rules.DomainException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396): a PATCH body says only what changes, {@code null} removes a field. Applied to the
 * representation as read, the result is read like a full update with the application's mapper and validated like
 * one, so a patch is refused exactly where the PUT of its result would be.
 */
@ApplicationScoped
public class MergePatch {

    /** The media type a PATCH must be sent with. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;
    /** Reads a patch as one JSON value: text after it is malformed, not ignored. */
    private final ObjectReader reader;

    MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The patch a PATCH request carries. Resources take the body as text and declare no {@code @Consumes}: JAX-RS
     * would answer another media type with 415 before the caller's token is checked, so the type is checked here,
     * after authentication. A body that is not one JSON document is a 400; an empty one is {@code null}.
     */
    public JsonNode read(HttpHeaders headers, String body) throws JsonProcessingException {
        MediaType type;
        try {
            type = headers.getMediaType();
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !"application".equalsIgnoreCase(type.getType())
                || !"merge-patch+json".equalsIgnoreCase(type.getSubtype())) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "a PATCH is a JSON merge patch: send it as " + MEDIA_TYPE, null);
        }
        return body == null || body.isBlank() ? null : reader.readTree(body);
    }

    /**
     * The update a patch makes of the representation as read: the patched representation read as the full update's
     * body ({@code type}), so read-only fields are ignored and unknown ones refused as in a PUT, then validated. A 412
     * when the representation's {@code version} is not the {@code expected} one of If-Match.
     *
     * @throws JsonProcessingException when the patched document is not a valid body (a 400 naming the field)
     */
    public <T> T update(Object representation, long version, long expected, JsonNode patch, Class<T> type)
            throws JsonProcessingException {
        // the patch was written against the version the client read: applied to another it could mean anything
        if (version != expected) {
            throw Versions.stale(version);
        }
        if (patch == null || !patch.isObject()) {
            throw DomainException.invalid("body", "a merge patch (" + MEDIA_TYPE + ") is a JSON object");
        }
        T update = mapper.treeToValue(apply(mapper.valueToTree(representation), patch), type);
        Set<ConstraintViolation<T>> violations = validator.validate(update);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return update;
    }

    /** The target with the patch applied; neither argument is changed. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? target : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : ((ObjectNode) patch).objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), apply(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }
}

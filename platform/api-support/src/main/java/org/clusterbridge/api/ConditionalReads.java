package org.clusterbridge.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every successful JSON read carries an {@code ETag}, and a read whose {@code If-None-Match} holds it is a
 * {@code 304 Not Modified} without a body. A resource read by id tags itself with its version (and may answer the
 * 304 before it builds anything); any other read (a list page, a profile, a summary) gets a weak tag that is a
 * digest of its JSON body, which this filter serialises once, so that the body written is the one digested.
 * Streamed answers (exports, event streams) are left alone.
 */
@Provider
public class ConditionalReads implements ContainerResponseFilter {

    private final ObjectMapper mapper;

    public ConditionalReads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null) {
            Object entity = response.getEntity();
            if (entity == null || entity instanceof StreamingOutput || entity instanceof InputStream) {
                return;
            }
            // A method producing several types has none chosen yet when it returned an entity: that is JSON, as
            // every streamed format returns a StreamingOutput.
            MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE
                    : response.getMediaType();
            if (!isJson(type)) {
                return;
            }
            byte[] body = entity instanceof byte[] bytes ? bytes
                    : entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : mapper.writeValueAsBytes(entity);
            tag = new EntityTag(digest(body), true);
            response.setEntity(body, response.getEntityAnnotations(), type);
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /**
     * Whether {@code ifNoneMatch} (a list of tags, or {@code *}) names {@code tag}, by the weak comparison RFC 9110
     * prescribes for If-None-Match: {@code W/"3"} and {@code "3"} are the same tag.
     */
    public static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || tag == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::trim).anyMatch(candidate -> candidate.equals("*")
                || opaque(candidate).equals(tag.getValue()));
    }

    private static String opaque(String candidate) {
        String value = candidate.startsWith("W/") ? candidate.substring(2) : candidate;
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static boolean isJson(MediaType type) {
        return type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    /** 128 bits of SHA-256, URL-safe: a body changes its tag for certain in practice. */
    static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}

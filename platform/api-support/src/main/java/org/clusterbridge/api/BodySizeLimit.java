package org.clusterbridge.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * Refuses bodies declared larger than {@code clusterbridge.http.max-body-size} (default 1 MiB) with a 413 problem. The HTTP
 * server's own limit ({@code quarkus.http.limits.max-body-size}, set higher) stays as the last guard; it
 * answers without a body, so this check runs first for every request that declares its length.
 */
@ApplicationScoped
public class BodySizeLimit {

    void install(@Observes Router router, @ConfigProperty(name = "clusterbridge.http.max-body-size", defaultValue = "1048576") long limit,
            ObjectMapper mapper) throws JsonProcessingException {
        router.route().order(Integer.MIN_VALUE + 100).handler(context -> {
            String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length <= limit) {
                context.next();
                return;
            }
            String body;
            try {
                body = mapper.writeValueAsString(new Problem(Problem.TYPE_BASE + "body-too-large",
                        "Payload too large", 413, "the body has " + length + " bytes; at most " + limit
                                + " are accepted",
                        context.request().path(), List.of()));
            } catch (JsonProcessingException e) {
                body = "{\"status\":413}";
            }
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(body);
        });
    }
}

package org.clusterbridge.api;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Checks that run before any resource, answering with a problem:
 * <ul>
 * <li>a body declared larger than {@code clusterbridge.http.max-body-size} (default 1 MiB) is a 413; the HTTP
 * server's own limit ({@code quarkus.http.limits.max-body-size}, set higher) stays as the last guard, but it
 * answers without a body;</li>
 * <li>a path or query holding a NUL character ({@code %00}) is a 400: no store can keep it.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGuards {

    void install(@Observes Router router,
            @ConfigProperty(name = "clusterbridge.http.max-body-size", defaultValue = "1048576") long limit,
            ObjectMapper mapper) {
        router.route().order(Integer.MIN_VALUE + 100).handler(context -> {
            String uri = context.request().uri();
            if (uri.indexOf('\u0000') >= 0 || uri.toLowerCase(Locale.ROOT).contains("%00")) {
                refuse(context, mapper, new Problem(Problem.TYPE_BASE + "invalid-request", "The request is invalid",
                        400, "the path or query contains a NUL character", null, List.of()));
                return;
            }
            long length = declaredLength(context);
            if (length > limit) {
                refuse(context, mapper, new Problem(Problem.TYPE_BASE + "body-too-large", "Payload too large", 413,
                        "the body has " + length + " bytes; at most " + limit + " are accepted",
                        context.request().path(), List.of()));
                return;
            }
            context.next();
        });
    }

    private static long declaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void refuse(RoutingContext context, ObjectMapper mapper, Problem problem) {
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        context.response().setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close").end(body);
    }
}

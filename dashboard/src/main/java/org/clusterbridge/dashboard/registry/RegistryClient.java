package org.clusterbridge.dashboard.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the services' JSON APIs with the dashboard's reader token. Calls are asynchronous so that a page asks its
 * services at once; a service that is down, slow or refusing gives a {@link Fetched#missing} instead of an error.
 */
@ApplicationScoped
public class RegistryClient {

    private static final Logger LOG = Logger.getLogger(RegistryClient.class);

    private final RegistryConfig config;
    private final ReaderCredentials credentials;
    private final ObjectMapper json;
    private final HttpClient http;

    RegistryClient(RegistryConfig config, ReaderCredentials credentials, ObjectMapper json) {
        this.config = config;
        this.credentials = credentials;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** The last status each service answered with, so that a lasting refusal is logged once. */
    private final java.util.Map<Service, Integer> lastStatus = new java.util.concurrent.ConcurrentHashMap<>();

    /** GET {@code path} (with its query) of {@code service} as JSON. */
    public CompletableFuture<Fetched<JsonNode>> get(Service service, String path) {
        HttpRequest request = request(service, path, "application/json").build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                LOG.debugf("%s %s: %s", service.label(), path, failure.toString());
                return Fetched.<JsonNode>missing(service, 0);
            }
            Integer before = lastStatus.put(service, response.statusCode());
            if (response.statusCode() != 200) {
                // Once per change of answer: the live updates ask every half second.
                if (response.statusCode() != 404 && !Integer.valueOf(response.statusCode()).equals(before)) {
                    LOG.warnf("%s answered %d to GET %s", service.label(), response.statusCode(), path);
                }
                return Fetched.<JsonNode>missing(service, response.statusCode());
            }
            try {
                return Fetched.of(json.readTree(response.body()), service);
            } catch (IOException e) {
                LOG.warnf("%s sent unreadable JSON for GET %s", service.label(), path);
                return Fetched.<JsonNode>missing(service, 502);
            }
        });
    }

    /** The same as {@link #get} but waits: for callers that need one answer. */
    public Fetched<JsonNode> getNow(Service service, String path) {
        return get(service, path).join();
    }

    /** GET {@code path} as {@code mediaType}, streamed (exports); the caller closes the body. */
    public HttpResponse<InputStream> stream(Service service, String path, String mediaType)
            throws IOException, InterruptedException {
        // An export of every matching item may take longer than a page's read.
        HttpRequest request = request(service, path, mediaType).timeout(Duration.ofMinutes(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder request(Service service, String path, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.baseUrl(config) + path))
                .timeout(config.timeout()).header("Accept", accept).GET();
        String token = credentials.token();
        if (!token.isEmpty()) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** {@code path?name=value&...} with the values encoded; null and blank values are left out. */
    public static String path(String path, Map<String, ?> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                joined.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
        });
        return joined.length() == 0 ? path : path + "?" + joined;
    }

    /** A path segment, encoded. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

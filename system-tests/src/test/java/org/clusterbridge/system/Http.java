package org.clusterbridge.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * The suite's only way to talk to a service: plain HTTP/JSON, as a partner system would. Every request carries a
 * bearer token with the least role it needs ({@link Tokens#roleFor}) unless it names its own ({@link #as}).
 */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);
    /** Every bearer token sent during the run, to look for in the services' logs afterwards. */
    private static final Set<String> SENT = ConcurrentHashMap.newKeySet();
    private static volatile Tokens tokens;

    private Http() {
    }

    /** The tokens requests carry from now on. */
    static void use(Tokens roleTokens) {
        tokens = roleTokens;
    }

    /** The tokens requests carry now (null before any were given). */
    static Tokens tokens() {
        return tokens;
    }

    /** Every bearer token sent so far, whatever it was (malformed ones included). */
    public static Set<String> sentTokens() {
        return Set.copyOf(SENT);
    }

    /** A response: status, content type, ETag, the body (parsed when it is JSON) and the headers. */
    public record Reply(String method, String url, int status, String contentType, String etag, String body,
            HttpHeaders headers) {

        public Reply(String method, String url, int status, String contentType, String etag, String body) {
            this(method, url, status, contentType, etag, body, NO_HEADERS);
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError(method + " " + url + " answered " + status + " with a body that is not JSON: "
                        + abbreviate(body), e);
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean isProblem() {
            return contentType != null && contentType.toLowerCase().startsWith("application/problem+json");
        }

        /** The version the ETag carries ("3", W/"3" or "3.<digest>"). */
        public long version() {
            String tag = etag == null ? "" : etag.replace("W/", "").replace("\"", "").trim();
            int dot = tag.indexOf('.');
            return tag.isEmpty() ? json().path("version").asLong()
                    : Long.parseLong(dot < 0 ? tag : tag.substring(0, dot));
        }

        @Override
        public String toString() {
            return method + " " + url + " -> " + status + " " + contentType + " " + abbreviate(body);
        }
    }

    public static Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), "GET", url);
    }

    public static Reply post(String url, Object body) {
        return sendJson("POST", url, null, body);
    }

    public static Reply put(String url, String ifMatch, Object body) {
        return sendJson("PUT", url, ifMatch, body);
    }

    public static Reply delete(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), "DELETE", url);
    }

    /** Sends raw bytes as they are, for input no JSON library would write. */
    public static Reply raw(String method, String url, String contentType, String ifMatch, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder, method, url);
    }

    private static Reply sendJson(String method, String url, String ifMatch, Object body) {
        byte[] bytes;
        try {
            bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return raw(method, url, "application/json", ifMatch, bytes);
    }

    private static Reply send(HttpRequest.Builder builder, String method, String url) {
        try {
            return trySend(builder, method, url);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
        }
    }

    /**
     * Like the others, but a refused or broken connection is an exception the caller handles. The request gets the
     * token of its role unless the builder already has an Authorization header.
     */
    public static Reply trySend(HttpRequest.Builder builder, String method, String url) throws IOException {
        return exchange(builder, method, url, true);
    }

    /**
     * Sends with exactly the given Authorization: {@code Bearer <token>}, or none when {@code token} is null, and
     * the given extra headers (name, value, name, value ...).
     */
    public static Reply as(String token, String method, String url, byte[] body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            return exchange(builder, method, url, false);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed: " + e, e);
        }
    }

    /** A JSON body (or none, when null) sent with exactly the given token (null: none). */
    public static Reply json(String token, String method, String url, Object body, String ifMatch) {
        byte[] bytes;
        try {
            bytes = body == null ? null : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return ifMatch == null ? as(token, method, url, bytes) : as(token, method, url, bytes, "If-Match", ifMatch);
    }

    private static Reply exchange(HttpRequest.Builder builder, String method, String url, boolean roleToken)
            throws IOException {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        if (request.headers().firstValue("Accept").isEmpty()) {
            request = builder.header("Accept", "application/json").build();
        }
        Optional<String> authorization = request.headers().firstValue("Authorization");
        Tokens current = tokens;
        if (roleToken && authorization.isEmpty() && current != null) {
            String token = current.forRequest(method, url);
            builder.header("Authorization", "Bearer " + token);
            request = builder.build();
            authorization = Optional.of("Bearer " + token);
        }
        authorization.filter(value -> value.startsWith("Bearer ")).map(value -> value.substring(7).trim())
                .filter(token -> !token.isEmpty()).ifPresent(SENT::add);
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            Optional<String> type = response.headers().firstValue("Content-Type");
            return new Reply(method, url, response.statusCode(), type.orElse(null),
                    response.headers().firstValue("ETag").orElse(null), response.body(), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** POST that reports a connection failure as empty instead of throwing (a killed service, for example). */
    public static Optional<Reply> tryPost(String url, Object body) {
        return trySendJson("POST", url, null, body);
    }

    public static Optional<Reply> tryPut(String url, String ifMatch, Object body) {
        return trySendJson("PUT", url, ifMatch, body);
    }

    private static Optional<Reply> trySendJson(String method, String url, String ifMatch, Object body) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).method(method,
                    HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .header("Content-Type", "application/json");
            if (ifMatch != null) {
                builder.header("If-Match", ifMatch);
            }
            return Optional.of(trySend(builder, method, url));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** GET that reports a connection failure as empty instead of throwing. */
    public static Optional<Reply> tryGet(String url) {
        try {
            return Optional.of(trySend(HttpRequest.newBuilder(URI.create(url)).GET(), "GET", url));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 600 ? text.substring(0, 600) + "... (" + text.length() + " chars)" : text;
    }
}

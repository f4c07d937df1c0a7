package org.clusterbridge.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Loads the seed data through the services' public APIs, as a partner system would. Idempotent: a 409 means the
 * item is already there. A string {@code "@cluster:<slug>"} in a seed file stands for that cluster's id; a 422
 * right after the clusters were created usually means a service's view of clusters has not caught up yet, so
 * it is retried for a while. Every request carries the bearer token it was given (an editor's).
 */
final class SeedImporter {


    record Outcome(String what, int created, int existing, int failed) {
        int total() {
            return created + existing;
        }
    }

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String clusterServiceUrl;
    private final Map<String, String> clusterIds = new HashMap<>();
    private final Duration propagation;
    private final String authorization;

    SeedImporter(String clusterServiceUrl, String token, Duration propagation) {
        this.clusterServiceUrl = clusterServiceUrl;
        this.authorization = "Bearer " + token;
        this.propagation = propagation;
    }

    /** Posts every item of the classpath resource {@code seed/<file>} to {@code collectionUrl}. */
    Outcome load(String what, String file, String collectionUrl) throws IOException, InterruptedException {
        JsonNode items;
        try (InputStream in = SeedImporter.class.getResourceAsStream("/seed/" + file)) {
            if (in == null) {
                return new Outcome(what, 0, 0, 0);
            }
            items = mapper.readTree(in);
        }
        int created = 0;
        int existing = 0;
        int failed = 0;
        for (JsonNode item : (ArrayNode) items) {
            JsonNode body = SeedReferences.resolve(item.deepCopy(), this::clusterId);
            HttpResponse<String> response = postWithRetry(collectionUrl, body);
            switch (response.statusCode()) {
                case 201 -> created++;
                case 409 -> existing++;
                default -> {
                    failed++;
                    System.out.printf("  ! %s %s was refused (%d): %s%n", what, label(item), response.statusCode(),
                            response.body());
                    if (response.statusCode() == 401 && failed == 1) {
                        System.out.printf("    (%s refuses the stack's token: does it verify with the stack's public "
                                + "key and issuer?)%n", collectionUrl);
                    } else if (response.statusCode() == 403 && failed == 1) {
                        System.out.printf("    (%s accepts the stack's token but does not let an editor write there)%n",
                                collectionUrl);
                    }
                }
            }
        }
        return new Outcome(what, created, existing, failed);
    }

    private HttpResponse<String> postWithRetry(String url, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
                .build();
        long deadline = System.nanoTime() + propagation.toNanos();
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 422 || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(250);
        }
    }

    private String clusterId(String slug) throws IOException, InterruptedException {
        String known = clusterIds.get(slug);
        if (known != null) {
            return known;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(clusterServiceUrl + "/api/clusters/" + slug))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                .header("Authorization", authorization).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("seed refers to cluster " + slug + ", which cluster-service does not know ("
                    + response.statusCode() + ")");
        }
        String id = mapper.readTree(response.body()).path("id").asText();
        clusterIds.put(slug, id);
        return id;
    }

    private static String label(JsonNode item) {
        for (String field : new String[] { "slug", "reference", "indicator" }) {
            if (item.hasNonNull(field)) {
                return item.get(field).asText();
            }
        }
        return item.toString().substring(0, Math.min(60, item.toString().length()));
    }
}

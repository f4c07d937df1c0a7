package org.clusterbridge.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads of a training run: each service's documented reads, as partners and the dashboard make them, a few
 * times over, so that the AOT caches hold the classes and the method profiles of the read paths too, not only those
 * of the start and the seed's writes.
 */
final class TrainingReads {

    private static final int ROUNDS = 20;
    private static final Map<String, List<String>> READS = new LinkedHashMap<>();

    static {
        READS.put("cluster-service", List.of("/api/clusters", "/api/clusters?facets=country,kind,focusArea,status",
                "/api/clusters?country=FR&q=medicen", "/api/focus-areas", "/api/changes?limit=50",
                "/q/health/ready"));
        READS.put("mou-service", List.of("/api/agreements", "/api/agreements?facets=status",
                "/api/network", "/api/changes?limit=50", "/q/health/ready"));
        READS.put("funding-service", List.of("/api/funding-figures", "/api/data-quality", "/api/changes?limit=50",
                "/q/health/ready"));
        READS.put(StackSettings.DASHBOARD, List.of("/sign-in", "/q/health/ready"));
    }

    private final String token;
    private final StackSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    TrainingReads(String token, StackSettings settings) {
        this.token = token;
        this.settings = settings;
    }

    /** Every read {@value #ROUNDS} times; a read that fails is left out (a training run only records). */
    void run() throws InterruptedException {
        Map<String, String> bases = new LinkedHashMap<>();
        settings.services().forEach(service -> bases.put(service.name(), service.baseUrl()));
        bases.put(StackSettings.DASHBOARD, settings.dashboard().baseUrl());
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, List<String>> reads : READS.entrySet()) {
                for (String path : reads.getValue()) {
                    get(bases.get(reads.getKey()) + path);
                }
            }
        }
    }

    private void get(String url) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // left out
        }
    }
}

package org.clusterbridge.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * How soon a partner connected to cluster-service's change feed as Server-Sent Events learns of a write: clusters
 * are registered at {@code -Drate=20} writes/s until {@code -Dwrites=1200} were sent, and one client, connected
 * from the end of the feed before the first write, notes when each cluster's event arrives. Reports p50/p90/p99
 * of the delay from sending the POST and from its 201, measured in this JVM (one clock for both ends).
 */
public class ChangeFeedSimulation extends Simulation {

    private static final Pattern SLUG = Pattern.compile("\"slug\":\"([^\"]+)\"");

    private final String clusterService = System.getProperty("clusterService", "http://127.0.0.1:8081");
    private final int rate = Integer.getInteger("rate", 20);
    private final int writes = Integer.getInteger("writes", 1200);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Long> arrived = new ConcurrentHashMap<>();
    private InputStream stream;

    private final Iterator<Map<String, Object>> slugs = Stream
            .generate(() -> Map.<String, Object> of("slug", "feed-bench-" + run + "-" + UUID.randomUUID()))
            .iterator();

    private final HttpProtocolBuilder protocol = http.baseUrl(clusterService)
            .authorizationHeader(StackTokens.bearer("registry-editor"))
            .contentTypeHeader("application/json").acceptHeader("application/json").shareConnections();

    private final ScenarioBuilder register = scenario("register a cluster, await it on the feed").feed(slugs)
            .exec(session -> {
                sent.put(session.getString("slug"), System.nanoTime());
                return session;
            })
            .exec(http("POST /api/clusters").post("/api/clusters")
                    .body(StringBody("""
                            {"slug":"#{slug}","names":{"en":"Change feed benchmark #{slug}"},"kind":"CLUSTER",
                             "country":"FR","focusAreas":["digital-health"]}"""))
                    .check(status().is(201)))
            .exec(session -> {
                if (!session.isFailed()) {
                    acknowledged.put(session.getString("slug"), System.nanoTime());
                }
                return session;
            });

    {
        double seconds = Math.max(1, (double) writes / rate);
        setUp(register.injectOpen(constantUsersPerSec(rate).during(Duration.ofMillis((long) (seconds * 1000)))))
                .protocols(protocol);
    }

    @Override
    public void before() {
        String end = endOfFeed();
        HttpRequest request = HttpRequest.newBuilder(URI.create(clusterService + "/api/changes?after="
                + URLEncoder.encode(end, StandardCharsets.UTF_8)))
                .header("Authorization", StackTokens.bearer("registry-reader")).header("Accept", "text/event-stream")
                .GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the change stream answered " + response.statusCode() + ": "
                        + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
            }
            stream = response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the change stream of " + clusterService, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Thread reader = new Thread(this::readEvents, "change-feed-benchmark-client");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void after() {
        Metrics.await("every acknowledged write on the change stream",
                () -> acknowledged.keySet().stream().allMatch(arrived::containsKey), Duration.ofMinutes(2));
        try {
            stream.close();
        } catch (IOException e) {
            // The stream is done with either way.
        }
        System.out.println();
        System.out.println("=== ClusterBridge change feed benchmark (" + rate + " writes/s) ===");
        System.out.printf(Locale.ROOT, "writes sent %d, acknowledged %d, received on the stream %d%n", sent.size(),
                acknowledged.size(), acknowledged.keySet().stream().filter(arrived::containsKey).count());
        report("from sending the POST", sent);
        report("from its 201", acknowledged);
    }

    private void report(String from, Map<String, Long> start) {
        double[] millis = acknowledged.keySet().stream().filter(arrived::containsKey)
                .mapToDouble(slug -> (arrived.get(slug) - start.get(slug)) / 1e6).sorted().toArray();
        if (millis.length == 0) {
            System.out.println("no event arrived");
            return;
        }
        System.out.printf(Locale.ROOT, "write-to-stream delay %s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms "
                + "(%d events)%n", from, quantile(millis, 0.5), quantile(millis, 0.9), quantile(millis, 0.99),
                millis[millis.length - 1], millis.length);
    }

    private static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    /** Notes when each of this run's clusters arrives; the clock is read as the data line comes in. */
    private void readEvents() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    long now = System.nanoTime();
                    Matcher slug = SLUG.matcher(line);
                    if (slug.find() && slug.group(1).startsWith("feed-bench-" + run)) {
                        arrived.putIfAbsent(slug.group(1), now);
                    }
                }
            }
        } catch (IOException e) {
            // Closed by after(), or by the server going away: the report shows what arrived.
        }
    }

    /** The cursor after the last event now on the feed. */
    private String endOfFeed() {
        String cursor = null;
        Pattern next = Pattern.compile("\"next\":\"([^\"]+)\"");
        while (true) {
            String url = clusterService + "/api/changes?limit=1000"
                    + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            String body;
            try {
                body = client.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", StackTokens.bearer("registry-reader"))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the change feed of " + clusterService, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            // next is the page's last field, after every event.
            Matcher matcher = next.matcher(body.substring(Math.max(0, body.lastIndexOf("\"next\":"))));
            if (!matcher.find()) {
                throw new IllegalStateException("not a change page: " + body);
            }
            if (body.startsWith("{\"items\":[]")) {
                return matcher.group(1);
            }
            cursor = matcher.group(1);
        }
    }
}

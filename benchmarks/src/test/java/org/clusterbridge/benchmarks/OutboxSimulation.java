package org.clusterbridge.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The event backbone under load on the local stack: clusters registered through cluster-service's API, each
 * committed with its event in the outbox, relayed to Kafka and applied to the cluster views of mou-service and
 * funding-service.
 * <ul>
 * <li>{@code -Dmode=steady} (default): an open model at {@code -Drate=200} writes/s for {@code -Dduration=60} s;
 * reports the write-to-view latency p50/p99 measured by the consuming services.</li>
 * <li>{@code -Dmode=throughput}: {@code -Dusers=32} clients writing back to back; reports events/s relayed,
 * from the first write until the outbox is empty again.</li>
 * </ul>
 */
public class OutboxSimulation extends Simulation {

    private final String clusterService = System.getProperty("clusterService", "http://127.0.0.1:8081");
    private final String mouService = System.getProperty("mouService", "http://127.0.0.1:8082");
    private final String fundingService = System.getProperty("fundingService", "http://127.0.0.1:8083");
    private final String mode = System.getProperty("mode", "steady");
    private final int rate = Integer.getInteger("rate", 200);
    private final int users = Integer.getInteger("users", 32);
    private final int duration = Integer.getInteger("duration", 60);
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private double publishedBefore;
    private long startedAt;

    private final Iterator<Map<String, Object>> slugs = Stream
            .generate(() -> Map.<String, Object> of("slug", "bench-" + run + "-" + UUID.randomUUID()))
            .iterator();

    private final HttpProtocolBuilder protocol = http.baseUrl(clusterService)
            .authorizationHeader(StackTokens.bearer("registry-editor"))
            .contentTypeHeader("application/json").acceptHeader("application/json").shareConnections();

    private final ScenarioBuilder register = scenario("register a cluster").feed(slugs)
            .exec(http("POST /api/clusters").post("/api/clusters")
                    .body(StringBody("""
                            {"slug":"#{slug}","names":{"en":"Benchmark cluster #{slug}"},"kind":"CLUSTER",
                             "country":"FR","focusAreas":["digital-health"]}"""))
                    .check(status().is(201)));

    {
        PopulationBuilder population = mode.equals("throughput")
                ? register.injectClosed(constantConcurrentUsers(users).during(Duration.ofSeconds(duration)))
                : register.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(duration)));
        setUp(population).protocols(protocol);
    }

    @Override
    public void before() {
        publishedBefore = published();
        startedAt = System.nanoTime();
    }

    @Override
    public void after() {
        Metrics.await("cluster-service's outbox to drain", () -> pending() == 0, Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        double events = published() - publishedBefore;
        System.out.println();
        System.out.println("=== ClusterBridge outbox benchmark (" + mode + ") ===");
        System.out.printf(Locale.ROOT, "events relayed: %.0f in %.1f s (until the outbox was empty): %.0f events/s%n",
                events, seconds, events / seconds);
        for (String[] view : new String[][] { { "mou-service", mouService }, { "funding-service", fundingService } }) {
            String metrics = Metrics.scrape(view[1]);
            System.out.printf(Locale.ROOT, "write-to-view latency in %s: p50 %.1f ms, p99 %.1f ms (%.0f events applied)%n",
                    view[0],
                    1000 * Metrics.value(metrics, "clusterbridge_view_lag_seconds", "quantile=\"0.5\""),
                    1000 * Metrics.value(metrics, "clusterbridge_view_lag_seconds", "quantile=\"0.99\""),
                    Metrics.value(metrics, "clusterbridge_view_lag_seconds_count"));
        }
    }

    private double published() {
        double value = Metrics.value(Metrics.scrape(clusterService), "clusterbridge_outbox_published_total");
        return Double.isNaN(value) ? 0 : value;
    }

    private double pending() {
        return Metrics.value(Metrics.scrape(clusterService), "clusterbridge_outbox_pending");
    }
}

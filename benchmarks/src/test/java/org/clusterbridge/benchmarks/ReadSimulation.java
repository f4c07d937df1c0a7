package org.clusterbridge.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * A read at a fixed arrival rate (open model), for the latency half of the read benchmarks: wrk measures the
 * closed-loop maximum, this measures p50/p99 at a chosen rate, typically half that maximum.
 * <p>
 * {@code -DbaseUrl=http://127.0.0.1:8081 -Dpath=/api/clusters/#{id} -Dids=target/cluster-ids.csv -Drate=2000
 * -Dduration=30}. {@code #{id}} is taken, circularly, from the {@code id} column of the CSV file when one is
 * given. {@code -Dwarmup=10} first sends the same read at the same rate for that many seconds under the request
 * name {@code warm-up}, so that the measured request's own statistics (its row, {@code GET /api/clusters/{id}},
 * in the report's {@code index.html}) leave out the JIT of the server and of Gatling itself; the console's global figures
 * include both.
 */
public class ReadSimulation extends Simulation {

    private final String baseUrl = System.getProperty("baseUrl", "http://127.0.0.1:8081");
    private final String path = System.getProperty("path", "/q/health/live");
    private final String ids = System.getProperty("ids", "");
    private final int rate = Integer.getInteger("rate", 1000);
    private final int duration = Integer.getInteger("duration", 30);
    private final int warmup = Integer.getInteger("warmup", 0);

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl).acceptHeader("application/json")
            .authorizationHeader(StackTokens.bearer("registry-reader"))
            .shareConnections();

    /** The report's name of the measured request: the path as given, {@code {id}} for {@code #{id}}. */
    private final ScenarioBuilder read = read("GET " + path.replace("#{id}", "{id}"));

    private ScenarioBuilder read(String name) {
        return ids.isBlank()
                ? scenario(name).exec(http(name).get(path).check(status().is(200)))
                : scenario(name).feed(csv(ids).circular()).exec(http(name).get(path).check(status().is(200)));
    }

    {
        PopulationBuilder measured = read.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(duration)));
        setUp(warmup > 0
                ? read("warm-up").injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(warmup)))
                        .andThen(measured)
                : measured).protocols(protocol);
    }
}

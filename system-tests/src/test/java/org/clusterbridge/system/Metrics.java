package org.clusterbridge.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;

import org.clusterbridge.system.Http.Reply;

/** Figures an instance of a service shows in {@code /q/metrics} (Prometheus text). */
final class Metrics {

    private Metrics() {
    }

    /**
     * The sum of every sample of {@code name} whose labels contain each of {@code labels} (for example
     * {@code outcome="applied"}), or empty when the instance does not answer.
     */
    static Optional<Double> sum(String baseUrl, String name, String... labels) {
        String url = baseUrl + "/q/metrics";
        Optional<Reply> reply;
        try {
            reply = Optional.of(Http.trySend(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/plain")
                    .GET(), "GET", url));
        } catch (IOException e) {
            reply = Optional.empty();
        }
        if (reply.isEmpty() || !reply.get().ok()) {
            return Optional.empty();
        }
        if (reply.get().contentType() == null || !reply.get().contentType().startsWith("text/plain")) {
            throw new AssertionError("metrics not in the Prometheus text format: " + reply.get());
        }
        double sum = 0;
        for (String line : reply.get().body().split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            int labelsEnd = line.lastIndexOf('}');
            String labelPart = labelsEnd < 0 ? "" : line.substring(0, labelsEnd);
            boolean matches = true;
            for (String label : labels) {
                matches &= labelPart.contains(label);
            }
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
            }
        }
        return Optional.of(sum);
    }

    /** Events the instance's views applied (version gate passed), over all its views. */
    static long applied(String baseUrl) {
        return Math.round(sum(baseUrl, "clusterbridge_view_events_total", "outcome=\"applied\"")
                .orElseThrow(() -> new AssertionError(baseUrl + " shows no metrics")));
    }
}

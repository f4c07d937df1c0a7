package org.clusterbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.clusterbridge.system.Http.Reply;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Each consumer's view dropped and rebuilt from its topic (POST /api/admin/views/{channel}/rebuild) ends identical
 * to what it was. Runs last, when the topics also hold whatever the fault tests left there (duplicates included).
 */
@SystemTest
@Order(6)
class ViewRebuildIT {

    private final TheSystem system = TheSystem.get();
    private final ClusterBridge api = new ClusterBridge(system);

    @Test
    void clusterServiceRebuildsItsAgreementAndFigureViewsIdentically() {
        Supplier<Map<String, JsonNode>> profiles = () -> each(id -> Http.get(api.clusters() + "/" + id + "/profile"));
        rebuild(TheSystem.CLUSTER_SERVICE, "agreement-events", profiles);
        rebuild(TheSystem.CLUSTER_SERVICE, "funding-events", profiles);
    }

    @Test
    void mouServiceRebuildsItsClusterViewIdentically() {
        rebuild(TheSystem.MOU_SERVICE, "cluster-events", () -> {
            Map<String, JsonNode> view = each(api::clusterAgreementsReply);
            view.put("network", ClusterBridge.ok(Http.get(system.mouService() + "/api/network")));
            return view;
        });
    }

    @Test
    void fundingServiceRebuildsItsClusterViewIdentically() {
        rebuild(TheSystem.FUNDING_SERVICE, "cluster-events", () -> each(api::fundingSummaryReply));
    }

    private void rebuild(String service, String channel, Supplier<Map<String, JsonNode>> view) {
        Map<String, JsonNode> before = view.get();
        Reply reply = Http.post(system.url(service) + "/api/admin/views/" + channel + "/rebuild", "");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(view.get()).isEqualTo(before));
        Report.line("view rebuild: %s %s rebuilt from its topic in %.1f s; %d entries identical before and after "
                + "(views %s)", service, channel, (System.nanoTime() - started) / 1e9, before.size(),
                reply.json().path("views"));
    }

    /** A view read for every registered cluster, keyed by cluster id. */
    private Map<String, JsonNode> each(java.util.function.Function<String, Reply> read) {
        Map<String, JsonNode> view = new TreeMap<>();
        List<JsonNode> clusters = ClusterBridge.all(api.clusters());
        for (JsonNode cluster : clusters) {
            String id = cluster.path("id").asText();
            Reply reply = read.apply(id);
            view.put(id, reply.status() == 200 ? reply.json() : Http.JSON.getNodeFactory().numberNode(reply.status()));
        }
        return view;
    }
}

package org.clusterbridge.system;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.clusterbridge.system.Http.Reply;

/**
 * A bounded stream of writes to all three services, in rounds: register a cluster, rename one of the prepared
 * partner clusters, sign an agreement between two partners, record a figure for a partner. It records every
 * accepted (2xx) write with the version it produced, and counts refused and unanswered ones.
 */
final class WriteLoad implements Runnable {

    /** One accepted write: which aggregate, which id, which version it produced. */
    record Accepted(String aggregate, String id, long version) {
    }

    private final ClusterBridge api;
    private final List<String> partners;
    private final String tag;
    private final int maxRounds;
    private final Map<String, JsonNode> partnerStates = new HashMap<>();
    private final List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger rounds = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger attempted = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<String> refusals = Collections.synchronizedList(new ArrayList<>());
    private Thread thread;

    WriteLoad(ClusterBridge api, List<String> partners, String tag, int maxRounds) {
        this.api = api;
        this.partners = partners;
        this.tag = tag;
        this.maxRounds = maxRounds;
    }

    WriteLoad start() {
        partners.forEach(id -> partnerStates.put(id, api.cluster(id)));
        thread = new Thread(this, "write-load-" + tag);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Stops after the current round and waits for it. */
    void stop() throws InterruptedException {
        stop.set(true);
        thread.join(120_000);
    }

    int rounds() {
        return rounds.get();
    }

    /** Whether the load has done {@code target} rounds, or has done all it was given. */
    boolean reached(int target) {
        return rounds.get() >= target || thread != null && !thread.isAlive();
    }

    int unanswered() {
        return unanswered.get();
    }

    int refused() {
        return refused.get();
    }

    int attempted() {
        return attempted.get();
    }

    List<Accepted> accepted() {
        synchronized (accepted) {
            return List.copyOf(accepted);
        }
    }

    List<String> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    @Override
    public void run() {
        for (int round = 0; round < maxRounds && !stop.get(); round++) {
            String a = partners.get(round % partners.size());
            String b = partners.get((round + 1) % partners.size());
            write("cluster", Http.tryPost(api.clusters(), ClusterBridge.clusterRequest(
                    ClusterBridge.slug("load-" + tag), "Load cluster " + tag + " " + round, "FR", "CLUSTER")));
            rename(a, round);
            write("agreement", Http.tryPost(api.agreements(), ClusterBridge.agreementRequest(
                    "LOAD-" + tag + "-" + round + "-" + java.util.UUID.randomUUID().toString().substring(0, 6),
                    List.of(ClusterBridge.party(a), ClusterBridge.party(b)))));
            write("funding-figure", Http.tryPost(api.figures(), ClusterBridge.countFigure(a, "projects-certified",
                    round, LocalDate.of(2000, 1, 1).plusDays(round).toString(), "Load report " + tag + " " + round)));
            rounds.incrementAndGet();
        }
    }

    private void rename(String id, int round) {
        JsonNode state = partnerStates.get(id);
        Optional<Reply> reply = Http.tryPut(api.clusters() + "/" + id, "\"" + state.path("version").asLong() + "\"",
                renamed(state, "Partner " + tag + " renamed in round " + round));
        write("cluster", reply);
        if (reply.isPresent() && reply.get().ok()) {
            partnerStates.put(id, reply.get().json());
        } else if (reply.isPresent() && reply.get().status() == 412) {
            // An earlier rename whose answer was lost went through: read the current version.
            Http.tryGet(api.clusters() + "/" + id).filter(Reply::ok).ifPresent(r -> partnerStates.put(id, r.json()));
        } else if (reply.isEmpty()) {
            Http.tryGet(api.clusters() + "/" + id).filter(Reply::ok).ifPresent(r -> partnerStates.put(id, r.json()));
        }
    }

    private static JsonNode renamed(JsonNode state, String name) {
        var details = ClusterBridge.clusterDetails(state);
        ((com.fasterxml.jackson.databind.node.ObjectNode) details.get("names")).put("en", name);
        return details;
    }

    private void write(String aggregate, Optional<Reply> reply) {
        attempted.incrementAndGet();
        if (reply.isEmpty() || reply.get().status() >= 500) {
            unanswered.incrementAndGet();
        } else if (reply.get().ok()) {
            JsonNode body = reply.get().json();
            accepted.add(new Accepted(aggregate, body.path("id").asText(), body.path("version").asLong()));
        } else {
            refused.incrementAndGet();
            refusals.add(reply.get().toString());
        }
    }
}

package org.clusterbridge.system;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private final CountDownLatch done = new CountDownLatch(1);
    private final Duration pause;
    private int firstDay;
    private ScheduledExecutorService roundsExecutor;
    private Thread thread;

    /** Rounds back to back. */
    WriteLoad(ClusterBridge api, List<String> partners, String tag, int maxRounds) {
        this(api, partners, tag, maxRounds, Duration.ZERO);
    }

    /** At most one round per {@code pause} (a modest rate, also while a service is away and writes fail fast). */
    WriteLoad(ClusterBridge api, List<String> partners, String tag, int maxRounds, Duration pause) {
        this.api = api;
        this.partners = partners;
        this.tag = tag;
        this.maxRounds = maxRounds;
        this.pause = pause;
    }

    /** Figures of this load are reported for the days from 2000-01-01 + {@code day}: another load's go elsewhere. */
    WriteLoad fromDay(int day) {
        this.firstDay = day;
        return this;
    }

    WriteLoad start() {
        partners.forEach(id -> partnerStates.put(id, api.cluster(id)));
        if (pause.isZero()) {
            thread = new Thread(this, "write-load-" + tag);
            thread.setDaemon(true);
            thread.start();
        } else {
            roundsExecutor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread t = new Thread(task, "write-load-" + tag);
                t.setDaemon(true);
                return t;
            });
            roundsExecutor.scheduleWithFixedDelay(this::nextRound, 0, pause.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void nextRound() {
        int round = rounds.get();
        if (stop.get() || round >= maxRounds) {
            done.countDown();
            roundsExecutor.shutdown();
            return;
        }
        try {
            round(round);
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: count the round as unanswered and go on
            unanswered.incrementAndGet();
            rounds.incrementAndGet();
        }
    }

    /** Stops after the current round and waits for it. */
    void stop() throws InterruptedException {
        stop.set(true);
        done.await(120, TimeUnit.SECONDS);
    }

    /** The writes of this load that were acknowledged (2xx) and never answered, by aggregate. */
    Map<String, Long> acceptedByAggregate() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        accepted().forEach(write -> counts.merge(write.aggregate(), 1L, Long::sum));
        return counts;
    }

    int rounds() {
        return rounds.get();
    }

    /** Whether the load has done {@code target} rounds, or has done all it was given. */
    boolean reached(int target) {
        return rounds.get() >= target || done.getCount() == 0;
    }

    /** Whether the load has done all it was given (or was stopped). */
    boolean finished() {
        return done.getCount() == 0;
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
        try {
            for (int round = 0; round < maxRounds && !stop.get(); round++) {
                round(round);
            }
        } finally {
            done.countDown();
        }
    }

    private void round(int round) {
        String a = partners.get(round % partners.size());
        String b = partners.get((round + 1) % partners.size());
        write("cluster", Http.tryPost(api.clusters(), ClusterBridge.clusterRequest(
                ClusterBridge.slug("load-" + tag), "Load cluster " + tag + " " + round, "FR", "CLUSTER")));
        rename(a, round);
        write("agreement", Http.tryPost(api.agreements(), ClusterBridge.agreementRequest(
                "LOAD-" + tag + "-" + round + "-" + java.util.UUID.randomUUID().toString().substring(0, 6),
                List.of(ClusterBridge.party(a), ClusterBridge.party(b)))));
        write("funding-figure", Http.tryPost(api.figures(), ClusterBridge.countFigure(a, "projects-certified",
                round, LocalDate.of(2000, 1, 1).plusDays(firstDay + round).toString(), "Load report " + tag + " " + round)));
        rounds.incrementAndGet();
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

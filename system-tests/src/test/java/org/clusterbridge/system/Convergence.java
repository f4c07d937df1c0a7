package org.clusterbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clusterbridge.system.WriteLoad.Accepted;
import org.clusterbridge.embedded.TopicRecords;

/**
 * After a fault: every accepted write is in its owner's store, every event is on its topic, and every view shows
 * exactly what the owners hold, once, at the right version. Prints the figures.
 */
final class Convergence {

    private static final Map<String, String> TOPICS = Map.of("cluster", "cluster-events", "agreement",
            "agreement-events", "funding-figure", "funding-events");

    private final TheSystem system;
    private final ClusterBridge api;

    Convergence(TheSystem system) {
        this.system = system;
        this.api = new ClusterBridge(system);
    }

    /** Clusters registered and known to both other services' views, to write agreements and figures for. */
    List<String> partners(String tag, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(api.registerCluster("partner-" + tag, "Partner " + tag + " " + i, i % 2 == 0 ? "FR" : "JP")
                    .path("id").asText());
        }
        await().atMost(ClusterBridge.PROPAGATION).untilAsserted(() -> ids.forEach(id -> {
            assertThat(api.clusterAgreementsReply(id).status()).isEqualTo(200);
            assertThat(api.fundingSummaryReply(id).status()).isEqualTo(200);
        }));
        return ids;
    }

    /**
     * What a convergence check found: writes attempted, accepted (2xx), refused (4xx), unanswered (no answer or
     * 5xx); distinct events of the accepted writes' aggregates on the topics, their records and duplicate records;
     * accepted writes whose event is not on its topic (lost); entries doubled in views; seconds to converge.
     */
    record Figures(int attempted, int accepted, int refused, int unanswered, int distinctEvents, int records,
            int duplicateRecords, int lost, int doubled, double convergedInSeconds) {
    }

    Figures assertConverged(String fault, WriteLoad load, List<String> partners, Duration within) {
        return assertConverged(fault, List.of(load), partners, within);
    }

    /** As for one load, for several that wrote at once (to different instances, say) over these partners. */
    Figures assertConverged(String fault, List<WriteLoad> loads, List<String> partners, Duration within) {
        long started = System.nanoTime();
        List<Accepted> accepted = new ArrayList<>();
        loads.forEach(load -> accepted.addAll(load.accepted()));
        int attempted = loads.stream().mapToInt(WriteLoad::attempted).sum();
        int refused = loads.stream().mapToInt(WriteLoad::refused).sum();
        int unanswered = loads.stream().mapToInt(WriteLoad::unanswered).sum();
        // 1. Every accepted write is in its owner's store, at its version or a later one.
        for (Accepted write : accepted) {
            String url = switch (write.aggregate()) {
                case "cluster" -> api.clusters();
                case "agreement" -> api.agreements();
                default -> api.figures();
            };
            JsonNode stored = ClusterBridge.ok(Http.get(url + "/" + write.id()));
            assertThat(stored.path("version").asLong()).as("%s %s", write.aggregate(), write.id())
                    .isGreaterThanOrEqualTo(write.version());
        }
        // 2. Every view shows what the owners hold, once.
        int[] viewEntries = new int[1];
        int[] doubled = new int[1];
        await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            viewEntries[0] = 0;
            doubled[0] = 0;
            Set<String> registered = new HashSet<>();
            accepted.stream().filter(w -> w.aggregate().equals("cluster") && !partners.contains(w.id()))
                    .forEach(w -> registered.add(w.id()));
            for (String id : registered) {
                assertThat(api.clusterAgreementsReply(id).status()).as("mou-service knows cluster %s", id)
                        .isEqualTo(200);
                assertThat(api.fundingSummaryReply(id).status()).as("funding-service knows cluster %s", id)
                        .isEqualTo(200);
                viewEntries[0] += 2;
            }
            for (String partner : partners) {
                JsonNode cluster = api.cluster(partner);
                String name = cluster.path("names").path("en").asText();
                assertThat(api.fundingSummary(partner).path("clusterNames").path("en").asText())
                        .as("funding-service's name of %s", partner).isEqualTo(name);
                List<JsonNode> held = ClusterBridge.all(api.agreements() + "?clusterId=" + partner);
                for (JsonNode agreement : held) {
                    JsonNode party = partyOf(agreement, partner);
                    assertThat(party.path("names").path("en").asText()).as("mou-service's name of %s", partner)
                            .isEqualTo(name);
                }
                JsonNode profile = api.profile(partner).path("agreements");
                Map<String, Long> expected = new HashMap<>();
                held.forEach(a -> expected.put(a.path("id").asText(), a.path("version").asLong()));
                Map<String, Long> shown = new HashMap<>();
                profile.path("items").forEach(a -> shown.put(a.path("id").asText(), a.path("version").asLong()));
                doubled[0] += profile.path("items").size() - shown.size()
                        + Math.max(0, profile.path("count").asInt() - expected.size());
                assertThat(profile.path("count").asInt()).as("agreement count of %s", partner)
                        .isEqualTo(expected.size());
                assertThat(profile.path("items").size()).isEqualTo(expected.size());
                assertThat(shown).as("agreements in the profile of %s", partner).isEqualTo(expected);
                viewEntries[0] += expected.size() + 2;

                List<JsonNode> figures = ClusterBridge.all(api.figures() + "?clusterId=" + partner
                        + "&indicator=projects-certified&nature=ACTUAL");
                if (!figures.isEmpty()) {
                    JsonNode latest = figures.stream().max(Comparator.comparing(f -> f.path("period").path("end")
                            .asText())).orElseThrow();
                    List<JsonNode> latestShown = new ArrayList<>();
                    api.profile(partner).path("latestFigures").forEach(f -> {
                        if (f.path("indicator").asText().equals("projects-certified")
                                && f.path("nature").asText().equals("ACTUAL")) {
                            latestShown.add(f);
                        }
                    });
                    assertThat(latestShown).as("latest projects-certified of %s", partner).hasSize(1);
                    assertThat(latestShown.get(0).path("figureId").asText()).isEqualTo(latest.path("id").asText());
                    assertThat(latestShown.get(0).path("version").asLong())
                            .isEqualTo(latest.path("version").asLong());
                    viewEntries[0]++;
                }
            }
        });
        double convergedIn = (System.nanoTime() - started) / 1e9;

        // 3. The topics: every accepted write's event is there; duplicates are counted (at least once allows them).
        String events = "topics not read (no Kafka address given)";
        int total = 0;
        int lost = 0;
        int duplicates = 0;
        int distinct = 0;
        if (system.kafka().isPresent()) {
            Map<String, Integer> records = new HashMap<>();
            for (String topic : new HashSet<>(TOPICS.values())) {
                for (ConsumerRecord<String, String> record : TopicRecords.readAll(system.kafka().get(), topic)) {
                    JsonNode event = Http.JSON.valueToTree(parse(record.value()));
                    records.merge(event.path("subject").asText() + "@" + event.path("sequence").asLong(), 1,
                            Integer::sum);
                }
            }
            Set<String> mine = new HashSet<>();
            accepted.forEach(w -> mine.add(w.id()));
            for (Map.Entry<String, Integer> entry : records.entrySet()) {
                if (mine.contains(entry.getKey().substring(0, entry.getKey().indexOf('@')))) {
                    distinct++;
                    total += entry.getValue();
                    duplicates += entry.getValue() - 1;
                }
            }
            List<String> missing = new ArrayList<>();
            for (Accepted write : accepted) {
                if (!records.containsKey(write.id() + "@" + write.version())) {
                    lost++;
                    missing.add(write.toString());
                }
            }
            assertThat(missing).as("accepted writes without their event on the topic").isEmpty();
            events = String.format(java.util.Locale.ROOT, "events on the topics for these aggregates: %d distinct "
                    + "(%d records, %d duplicate records), lost %d", distinct, total, duplicates, lost);
        }
        Report.line("fault '%s': %d writes attempted, %d accepted, %d refused, %d unanswered; %s; "
                + "views converged in %.1f s, %d view entries checked, doubled in views %d", fault, attempted,
                accepted.size(), refused, unanswered, events, convergedIn, viewEntries[0], doubled[0]);
        assertThat(doubled[0]).isZero();
        return new Figures(attempted, accepted.size(), refused, unanswered, distinct, total, duplicates, lost,
                doubled[0], convergedIn);
    }

    private static Object parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (java.io.IOException e) {
            return Http.JSON.createObjectNode();
        }
    }

    private static JsonNode partyOf(JsonNode agreement, String clusterId) {
        for (JsonNode party : agreement.path("parties")) {
            if (party.path("clusterId").asText().equals(clusterId)) {
                return party;
            }
        }
        throw new AssertionError("cluster " + clusterId + " is no party of " + agreement);
    }
}

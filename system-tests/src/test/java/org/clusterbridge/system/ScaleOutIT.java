package org.clusterbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.common.TopicPartition;
import org.clusterbridge.embedded.LoopbackPorts;
import org.clusterbridge.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Past one machine, proven on one: a local stack of its own with two instances of each service (sharing the
 * service's database and Kafka consumer group). Partners write to both instances of every service at once; one
 * instance of each service is killed with SIGKILL mid-writes and restarted. Nothing accepted is lost, nothing is
 * applied twice, the consumer groups hand the dead instances' partitions to the survivors, the outbox relays go on
 * from the survivors, and both instances answer reads alike.
 */
@Order(8)
class ScaleOutIT {

    private static final int REPLICAS = 2;
    /** Consumer group (= service) -> the topics it consumes. */
    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();
    /** Service -> the aggregates whose events its views apply. */
    private static final Map<String, List<String>> CONSUMES = new LinkedHashMap<>();

    static {
        GROUPS.put(TheSystem.CLUSTER_SERVICE, List.of("agreement-events", "funding-events"));
        GROUPS.put(TheSystem.MOU_SERVICE, List.of("cluster-events"));
        GROUPS.put(TheSystem.FUNDING_SERVICE, List.of("cluster-events"));
        CONSUMES.put(TheSystem.CLUSTER_SERVICE, List.of("agreement", "funding-figure"));
        CONSUMES.put(TheSystem.MOU_SERVICE, List.of("cluster"));
        CONSUMES.put(TheSystem.FUNDING_SERVICE, List.of("cluster"));
    }

    private static Path data;
    private static LocalStack stack;
    private static Tokens previousTokens;
    private static long launchedIn;

    @BeforeAll
    static void launchTwoInstancesOfEachService() throws Exception {
        Assumptions.assumeTrue(TheSystem.localStackMode(),
                "skipped against externally started services: the test starts a local stack of its own");
        TheSystem.quietLogs();
        data = Files.createTempDirectory("clusterbridge-scale-out");
        Path root = TheSystem.servicesSnapshot(data);
        long started = System.nanoTime();
        stack = LocalStack.launch("--root", root.toString(), "--data", data.resolve("stack").toString(),
                "--kafka-port", TheSystem.port(), "--kafka-controller-port", TheSystem.port(),
                "--postgres-port", TheSystem.port(), "--mongo-port", TheSystem.port(),
                "--cluster-service-port", replicatedPort(), "--mou-service-port", replicatedPort(),
                "--funding-service-port", replicatedPort(), "--replicas", Integer.toString(REPLICAS), "--no-seed");
        launchedIn = System.nanoTime() - started;
        previousTokens = Http.tokens();
        Http.use(Tokens.of(stack));
        Report.line("scale-out: local stack with %d instances of each service up in %.1f s", REPLICAS,
                launchedIn / 1e9);
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.stop();
            Http.use(previousTokens);
        }
        TheSystem.deleteQuietly(data);
    }

    @Test
    void oneInstanceOfEachServiceKilledMidWritesLosesAndDoublesNothing() throws Exception {
        long testStarted = System.nanoTime();
        TheSystem first = TheSystem.instanceOf(stack, 0);
        TheSystem second = TheSystem.instanceOf(stack, 1);
        ClusterBridge api0 = new ClusterBridge(first);
        ClusterBridge api1 = new ClusterBridge(second);
        Convergence convergence = new Convergence(first);
        List<String> partnersA = convergence.partners("scale-a", 3);
        List<String> partnersB = new Convergence(second).partners("scale-b", 3);
        List<String> partners = new ArrayList<>(partnersA);
        partners.addAll(partnersB);

        try (ConsumerGroups groups = new ConsumerGroups(stack.kafkaBootstrapServers())) {
            Map<String, Set<TopicPartition>> partitions = new HashMap<>();
            await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(ConsumerGroups.Unavailable.class)
                    .until(() -> {
                        GROUPS.forEach((group, topics) -> partitions.put(group, groups.partitions(topics)));
                        return true;
                    });
            awaitFullGroups(groups, partitions, REPLICAS);

            // 1. Both instances of every service take writes at once; instance 1 of each is killed and restarted.
            WriteLoad loadA = new WriteLoad(api0, partnersA, "scale-a", 600, Duration.ofMillis(200)).start();
            WriteLoad loadB = new WriteLoad(api1, partnersB, "scale-b", 600, Duration.ofMillis(200)).fromDay(1000)
                    .start();
            Map<String, Double> rebalanceSeconds = new TreeMap<>();
            Set<String> handedOver = new TreeSet<>();
            double relayGoesOnIn;
            double restartedIn;
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> loadA.reached(8) && loadB.reached(8));
                Map<String, ConsumerGroups.Group> before = new HashMap<>();
                await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(ConsumerGroups.Unavailable.class)
                        .until(() -> {
                            GROUPS.keySet().forEach(group -> before.put(group, groups.describe(group)));
                            return true;
                        });
                Map<String, Double> publishedBefore = new HashMap<>();
                for (String service : TheSystem.SERVICES) {
                    publishedBefore.put(service, Metrics.sum(stack.baseUrl(service, 0),
                            "clusterbridge_outbox_published_total").orElse(0.0));
                }
                int unansweredBefore = loadB.unanswered();
                long killed = System.nanoTime();
                for (String service : TheSystem.SERVICES) {
                    stack.killService(service, 1);
                }
                Report.line("scale-out: instance 1 of each service killed with SIGKILL mid-writes (%d + %d rounds "
                        + "done)", loadA.rounds(), loadB.rounds());

                // The broker hands the dead members' partitions to the survivors once their sessions expire.
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .ignoreExceptionsInstanceOf(ConsumerGroups.Unavailable.class).until(() -> {
                    for (String group : GROUPS.keySet()) {
                        if (rebalanceSeconds.containsKey(group)) {
                            continue;
                        }
                        ConsumerGroups.Group now = groups.describe(group);
                        if (now.stable() && now.members() == before.get(group).members() / REPLICAS
                                && now.assigned().containsAll(partitions.get(group))) {
                            rebalanceSeconds.put(group, (System.nanoTime() - killed) / 1e9);
                            Set<TopicPartition> dead = before.get(group).heldByMembersGoneIn(now);
                            assertThat(dead).as("partitions the dead instance of %s held", group).isNotEmpty();
                            assertThat(now.assigned()).containsAll(dead);
                            dead.forEach(p -> handedOver.add(group + ":" + p));
                        }
                    }
                    return rebalanceSeconds.size() == GROUPS.size();
                });
                // The outbox relay goes on from the survivor: it publishes and its pending count drains while the
                // other instance is dead (MongoDB: once the dead one's lease has expired).
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    for (String service : TheSystem.SERVICES) {
                        String survivor = stack.baseUrl(service, 0);
                        assertThat(Metrics.sum(survivor, "clusterbridge_outbox_published_total").orElse(0.0))
                                .as("events %s#0 published since the kill", service)
                                .isGreaterThan(publishedBefore.get(service));
                        assertThat(Metrics.sum(survivor, "clusterbridge_outbox_pending").orElse(-1.0))
                                .as("outbox of %s pending while instance 1 is dead", service).isZero();
                    }
                });
                relayGoesOnIn = (System.nanoTime() - killed) / 1e9;
                assertThat(loadB.unanswered()).as("writes to the dead instances").isGreaterThan(unansweredBefore);

                long restarting = System.nanoTime();
                CompletableFuture<?>[] restarts = TheSystem.SERVICES.stream().map(service ->
                        CompletableFuture.runAsync(() -> {
                            try {
                                stack.restartService(service, 1);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })).toArray(CompletableFuture[]::new);
                CompletableFuture.allOf(restarts).join();
                restartedIn = (System.nanoTime() - restarting) / 1e9;
                awaitFullGroups(groups, partitions, REPLICAS);
                int a = loadA.rounds();
                int b = loadB.rounds();
                await().atMost(Duration.ofSeconds(60)).until(() -> loadA.reached(a + 5) && loadB.reached(b + 5));
            } finally {
                loadA.stop();
                loadB.stop();
            }
            Report.line("scale-out: rebalance after the kill (until the group was stable with the survivors holding "
                    + "every partition) %s; partitions handed over %s; survivors' outbox relays published and drained "
                    + "%.1f s after the kill; instances ready again in %.1f s", seconds(rebalanceSeconds), handedOver,
                    relayGoesOnIn, restartedIn);
            Convergence.Figures killed = convergence.assertConverged("one instance of each service killed mid-writes",
                    List.of(loadA, loadB), partners, Duration.ofSeconds(120));
            assertReadsAgree(api0, api1, partners);

            // 2. Counted: from a quiet system, both instances again; each event applied exactly once per view.
            awaitQuiet();
            Map<String, long[]> appliedBefore = applied();
            WriteLoad countedA = new WriteLoad(api0, partnersA, "scale-a2", 12, Duration.ofMillis(150)).fromDay(2000)
                    .start();
            WriteLoad countedB = new WriteLoad(api1, partnersB, "scale-b2", 12, Duration.ofMillis(150)).fromDay(3000)
                    .start();
            await().atMost(Duration.ofSeconds(90)).until(() -> countedA.finished() && countedB.finished());
            assertThat(countedA.unanswered() + countedB.unanswered()).as("unanswered writes without a fault")
                    .isZero();
            Convergence.Figures counted = convergence.assertConverged("both instances, counted",
                    List.of(countedA, countedB), partners, Duration.ofSeconds(60));
            Map<String, Long> byAggregate = new HashMap<>();
            for (WriteLoad load : List.of(countedA, countedB)) {
                load.acceptedByAggregate().forEach((aggregate, n) -> byAggregate.merge(aggregate, n, Long::sum));
            }
            Map<String, Long> expected = new LinkedHashMap<>();
            CONSUMES.forEach((service, aggregates) -> expected.put(service,
                    aggregates.stream().mapToLong(x -> byAggregate.getOrDefault(x, 0L)).sum()));
            Map<String, long[]> appliedDelta = new LinkedHashMap<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
                Map<String, long[]> now = applied();
                boolean all = true;
                for (String service : TheSystem.SERVICES) {
                    long[] delta = new long[REPLICAS];
                    for (int i = 0; i < REPLICAS; i++) {
                        delta[i] = now.get(service)[i] - appliedBefore.get(service)[i];
                    }
                    appliedDelta.put(service, delta);
                    all &= java.util.Arrays.stream(delta).sum() >= expected.get(service);
                }
                return all;
            });
            awaitQuiet();
            Map<String, long[]> appliedAfter = applied();
            long doubledByCount = 0;
            List<String> split = new ArrayList<>();
            for (String service : TheSystem.SERVICES) {
                long[] delta = new long[REPLICAS];
                for (int i = 0; i < REPLICAS; i++) {
                    delta[i] = appliedAfter.get(service)[i] - appliedBefore.get(service)[i];
                }
                long sum = java.util.Arrays.stream(delta).sum();
                doubledByCount += Math.max(0, sum - expected.get(service));
                split.add(String.format(java.util.Locale.ROOT, "%s %d of %d distinct (%s)", service, sum,
                        expected.get(service), java.util.Arrays.toString(delta)));
                assertThat(sum).as("events applied by the views of %s over its instances", service)
                        .isEqualTo(expected.get(service));
            }
            assertReadsAgree(api0, api1, partners);

            int written = killed.attempted() + counted.attempted();
            int accepted = killed.accepted() + counted.accepted();
            int lost = killed.lost() + counted.lost();
            int doubled = killed.doubled() + counted.doubled() + (int) doubledByCount;
            double rebalance = rebalanceSeconds.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            int unanswered = killed.unanswered() + counted.unanswered();
            int refused = killed.refused() + counted.refused();
            Report.line("scale-out: views applied over both instances, counted phase: %s", String.join("; ", split));
            Report.line("scale-out figures: written %d (%d unanswered, sent to a dead instance; %d refused), accepted "
                    + "%d, delivered %d, lost %d, doubled %d; rebalance %.1f s (slowest group; %s); test %.1f s + "
                    + "stack start %.1f s", written, unanswered, refused, accepted, accepted - lost, lost, doubled,
                    rebalance, seconds(rebalanceSeconds), (System.nanoTime() - testStarted) / 1e9, launchedIn / 1e9);
            assertThat(lost).isZero();
            assertThat(doubled).isZero();
        }
    }

    private static String seconds(Map<String, Double> perGroup) {
        List<String> shown = new ArrayList<>();
        perGroup.forEach((group, s) -> shown.add(String.format(java.util.Locale.ROOT, "%s %.1f s", group, s)));
        return String.join(", ", shown);
    }

    /** Every group stable, with both instances' consumers in it and every partition assigned. */
    private static void awaitFullGroups(ConsumerGroups groups, Map<String, Set<TopicPartition>> partitions,
            int instances) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsInstanceOf(ConsumerGroups.Unavailable.class).untilAsserted(() -> {
            for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
                ConsumerGroups.Group now = groups.describe(group.getKey());
                assertThat(now.stable()).as("group %s stable (%s)", group.getKey(), now.state()).isTrue();
                assertThat(now.members()).as("members of group %s", group.getKey())
                        .isEqualTo(group.getValue().size() * instances);
                assertThat(now.assigned()).isEqualTo(partitions.get(group.getKey()));
            }
        });
    }

    /** Nothing pending in any outbox, as every instance sees it. */
    private static void awaitQuiet() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            for (String service : TheSystem.SERVICES) {
                for (int i = 0; i < REPLICAS; i++) {
                    assertThat(Metrics.sum(stack.baseUrl(service, i), "clusterbridge_outbox_pending").orElse(-1.0))
                            .as("pending in the outbox of %s#%d", service, i).isZero();
                }
            }
        });
    }

    /** Service -> events its views applied, per instance. */
    private static Map<String, long[]> applied() {
        Map<String, long[]> applied = new HashMap<>();
        for (String service : TheSystem.SERVICES) {
            long[] counts = new long[REPLICAS];
            for (int i = 0; i < REPLICAS; i++) {
                counts[i] = Metrics.applied(stack.baseUrl(service, i));
            }
            applied.put(service, counts);
        }
        return applied;
    }

    /** Both instances of every service answer the same reads alike. */
    private static void assertReadsAgree(ClusterBridge api0, ClusterBridge api1, List<String> partners) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String partner : partners) {
                assertThat(api1.cluster(partner)).as("cluster %s on both instances", partner)
                        .isEqualTo(api0.cluster(partner));
                assertThat(withoutVolatile(api1.profile(partner))).as("profile of %s on both instances", partner)
                        .isEqualTo(withoutVolatile(api0.profile(partner)));
                assertThat(withoutVolatile(api1.clusterAgreements(partner)))
                        .as("agreements of %s on both mou-service instances", partner)
                        .isEqualTo(withoutVolatile(api0.clusterAgreements(partner)));
                assertThat(withoutVolatile(api1.fundingSummary(partner)))
                        .as("funding summary of %s on both funding-service instances", partner)
                        .isEqualTo(withoutVolatile(api0.fundingSummary(partner)));
                assertThat(ClusterBridge.versions(api1.figures() + "?clusterId=" + partner))
                        .isEqualTo(ClusterBridge.versions(api0.figures() + "?clusterId=" + partner));
            }
        });
    }

    /** A read without fields that say when it was computed rather than what it shows. */
    private static JsonNode withoutVolatile(JsonNode read) {
        JsonNode copy = read.deepCopy();
        if (copy instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove(List.of("generatedAt", "asOf", "computedAt"));
        }
        return copy;
    }

    /** A free port p for which p + 100 * i is free too, for every instance i. */
    private static String replicatedPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LoopbackPorts.free();
            boolean free = port + 100 * (REPLICAS - 1) <= 65535;
            for (int i = 1; i < REPLICAS && free; i++) {
                free = !LoopbackPorts.inUse(port + 100 * i) && bindable(port + 100 * i);
            }
            if (free) {
                return Integer.toString(port);
            }
        }
        throw new IllegalStateException("no free port with room for " + REPLICAS + " instances");
    }

    private static boolean bindable(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1,
                java.net.InetAddress.getByName(LoopbackPorts.HOST))) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

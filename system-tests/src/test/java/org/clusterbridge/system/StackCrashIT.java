package org.clusterbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.clusterbridge.embedded.TokenIssuer;
import org.clusterbridge.system.Http.Reply;
import org.clusterbridge.system.WriteLoad.Accepted;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The whole local stack (its JVM with Kafka, PostgreSQL and the MongoDB-wire server, and the three services'
 * processes) killed with SIGKILL right after a burst of acknowledged writes, as a power cut would: after a
 * restart on the same data folder every acknowledged write is there.
 */
@Order(9)
class StackCrashIT {

    private static final String READY = "Press Ctrl-C to stop everything.";

    @Test
    void wholeStackKilledRightAfterABurstOfAcknowledgedWritesKeepsThemAll() throws Exception {
        Assumptions.assumeTrue(TheSystem.localStackMode(),
                "skipped against externally started services: the test starts and kills a local stack of its own");
        long testStarted = System.nanoTime();
        Path folder = Files.createTempDirectory("clusterbridge-stack-crash");
        Path data = folder.resolve("stack");
        Path root = TheSystem.servicesSnapshot(folder);
        Map<String, String> ports = new LinkedHashMap<>();
        for (String flag : List.of("kafka-port", "kafka-controller-port", "postgres-port", "mongo-port",
                "cluster-service-port", "mou-service-port", "funding-service-port")) {
            ports.put(flag, TheSystem.port());
        }
        List<String> args = new ArrayList<>(List.of("--root", root.toString(), "--data", data.toString(), "--no-seed"));
        ports.forEach((flag, port) -> {
            args.add("--" + flag);
            args.add(port);
        });
        Map<String, String> urls = Map.of(TheSystem.CLUSTER_SERVICE, url(ports, "cluster-service-port"),
                TheSystem.MOU_SERVICE, url(ports, "mou-service-port"), TheSystem.FUNDING_SERVICE,
                url(ports, "funding-service-port"));
        String kafka = "127.0.0.1:" + ports.get("kafka-port");
        Tokens previous = Http.tokens();
        StackProcess stack = null;
        try {
            stack = StackProcess.start(args, folder.resolve("stack-1.out"));
            Http.use(tokensOf(data));
            TheSystem system = TheSystem.at(urls, kafka, tokensOf(data));
            ClusterBridge api = new ClusterBridge(system);
            List<String> partners = new Convergence(system).partners("stack-crash", 3);

            // A burst of writes to all three services, back to back, every one acknowledged; then the power cut.
            WriteLoad burst = new WriteLoad(api, partners, "stack-crash", 25).start();
            await().atMost(Duration.ofSeconds(120)).until(burst::finished);
            List<Accepted> acknowledged = new ArrayList<>(burst.accepted());
            partners.forEach(id -> acknowledged.add(new Accepted("cluster", id, 1)));
            int written = burst.attempted() + partners.size();
            long killedAt = System.nanoTime();
            Set<ProcessHandle> killed = stack.killEverything();
            double goneIn = (System.nanoTime() - killedAt) / 1e9;
            assertThat(burst.unanswered()).as("writes of the burst left unanswered").isZero();
            Report.line("stack crash: the local stack's JVM and %d processes it started (services, PostgreSQL) "
                    + "killed with SIGKILL right after the last acknowledged write; all gone, every port free in "
                    + "%.1f s", killed.size() - 1, goneIn);

            stack = StackProcess.start(args, folder.resolve("stack-2.out"));
            Http.use(tokensOf(data));
            int found = 0;
            List<String> missing = new ArrayList<>();
            for (Accepted write : acknowledged) {
                String base = switch (write.aggregate()) {
                    case "cluster" -> api.clusters();
                    case "agreement" -> api.agreements();
                    default -> api.figures();
                };
                Reply reply = Http.get(base + "/" + write.id());
                if (reply.status() == 200 && reply.json().path("version").asLong() >= write.version()) {
                    found++;
                } else {
                    missing.add(write + " -> " + reply.status());
                }
            }
            Report.line("stack crash figures: written %d, acknowledged %d, found after restart %d, lost %d "
                    + "(test %.1f s, two stack starts included)", written, acknowledged.size(), found,
                    acknowledged.size() - found, (System.nanoTime() - testStarted) / 1e9);
            assertThat(missing).as("acknowledged writes missing after the stack was killed and restarted").isEmpty();
        } finally {
            if (stack != null) {
                stack.stop();
            }
            Http.use(previous);
            TheSystem.deleteQuietly(folder);
        }
    }

    private static String url(Map<String, String> ports, String flag) {
        return "http://127.0.0.1:" + ports.get(flag);
    }

    /** The tokens the stack wrote to {@code <data>/tokens/} at its start. */
    private static Tokens tokensOf(Path data) throws IOException {
        Path dir = data.resolve("tokens");
        return Tokens.fromEnvironment(Map.of(Tokens.READER_VARIABLE, read(dir, TokenIssuer.READER),
                Tokens.EDITOR_VARIABLE, read(dir, TokenIssuer.EDITOR), Tokens.ADMIN_VARIABLE,
                read(dir, TokenIssuer.ADMIN)));
    }

    private static String read(Path dir, String role) throws IOException {
        return Files.readString(dir.resolve(role + ".jwt"), StandardCharsets.UTF_8).trim();
    }

    /** The local stack as an operating-system process of its own, in its own process group (setsid). */
    private static final class StackProcess {

        private final Process process;
        private final Path output;
        private final List<String> args;

        private StackProcess(Process process, Path output, List<String> args) {
            this.process = process;
            this.output = output;
            this.args = args;
        }

        static StackProcess start(List<String> args, Path output) throws IOException {
            List<String> command = new ArrayList<>();
            command.add("setsid");
            command.add("--wait");
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx768m");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("org.clusterbridge.localstack.LocalStack");
            command.addAll(args);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            StackProcess stack = new StackProcess(process, output, args);
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the local stack stopped before it was up:" + System.lineSeparator()
                            + stack.output());
                }
                return stack.output().contains(READY);
            });
            return stack;
        }

        String output() {
            try {
                return Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        /**
         * SIGKILL to the stack's process group (its JVM and the services), to every process it started and to
         * the PostgreSQL server, which detaches itself; waits until none is left and no port of the stack is
         * bound. Returns what was killed.
         */
        Set<ProcessHandle> killEverything() throws Exception {
            long pgid = group();
            Set<ProcessHandle> victims = new HashSet<>();
            victims.add(process.toHandle());
            process.descendants().forEach(victims::add);
            victims.addAll(inGroup(pgid));
            victims.addAll(namingDataFolder());
            postmaster().ifPresent(victims::add);
            new ProcessBuilder("kill", "-KILL", "--", "-" + pgid).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
            victims.forEach(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                // the services and PostgreSQL's own backends too
                Set<ProcessHandle> left = new HashSet<>(inGroup(pgid));
                left.addAll(namingDataFolder());
                victims.stream().filter(StackProcess::alive).forEach(left::add);
                left.forEach(ProcessHandle::destroyForcibly);
                assertThat(left).as("processes of the killed stack still alive").isEmpty();
            });
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                List<String> bound = new ArrayList<>();
                for (int i = 0; i + 1 < args.size(); i++) {
                    if (args.get(i).endsWith("-port")
                            && org.clusterbridge.embedded.LoopbackPorts.inUse(Integer.parseInt(args.get(i + 1)))) {
                        bound.add(args.get(i) + " " + args.get(i + 1));
                    }
                }
                assertThat(bound).as("ports still bound after the kill").isEmpty();
            });
            return victims;
        }

        /** The stack's process group: that of its JVM, which setsid made the leader of a session of its own. */
        private long group() {
            long own = stat(ProcessHandle.current().pid()).map(f -> Long.parseLong(f[2])).orElse(-1L);
            List<ProcessHandle> candidates = new ArrayList<>();
            candidates.add(process.toHandle());
            process.descendants().forEach(candidates::add);
            for (ProcessHandle candidate : candidates) {
                Optional<String[]> fields = stat(candidate.pid());
                if (fields.isPresent() && Long.parseLong(fields.get()[2]) != own) {
                    return Long.parseLong(fields.get()[2]);
                }
            }
            throw new IllegalStateException("the local stack is not in a process group of its own");
        }

        /** Alive and not a zombie waiting to be reaped. */
        private static boolean alive(ProcessHandle process) {
            return process.isAlive() && stat(process.pid()).map(f -> !f[0].equals("Z")).orElse(false);
        }

        /** The fields of /proc/PID/stat after "pid (comm) ": state, ppid, pgrp, ... */
        private static Optional<String[]> stat(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
                return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Processes whose process group is {@code pgid} (from /proc). */
        private static Set<ProcessHandle> inGroup(long pgid) {
            Set<ProcessHandle> members = new HashSet<>();
            File[] entries = new File("/proc").listFiles();
            if (entries == null) {
                return members;
            }
            for (File entry : entries) {
                if (!entry.getName().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(entry.getName());
                stat(pid).filter(fields -> Long.parseLong(fields[2]) == pgid && !fields[0].equals("Z"))
                        .flatMap(fields -> ProcessHandle.of(pid)).ifPresent(members::add);
            }
            return members;
        }

        /** Processes whose command line names the stack's data folder (PostgreSQL's postmaster and backends). */
        private Set<ProcessHandle> namingDataFolder() {
            String data = args.get(args.indexOf("--data") + 1);
            Set<ProcessHandle> found = new HashSet<>();
            ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> p.info().commandLine().map(line -> line.contains(data)).orElse(false))
                    .filter(StackProcess::alive)
                    .forEach(found::add);
            return found;
        }

        /** The PostgreSQL server, from its {@code postmaster.pid}. */
        private Optional<ProcessHandle> postmaster() {
            Path pidFile = Path.of(args.get(args.indexOf("--data") + 1)).resolve("postgres/postmaster.pid");
            try {
                String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim();
                return ProcessHandle.of(Long.parseLong(first));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        /** Stops the stack the way Ctrl-C does (SIGTERM to its JVM, whose shutdown stops the rest), then kills. */
        void stop() throws Exception {
            if (process.isAlive()) {
                new ProcessBuilder("kill", "-TERM", Long.toString(group())).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    killEverything();
                }
            }
            postmaster().filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}

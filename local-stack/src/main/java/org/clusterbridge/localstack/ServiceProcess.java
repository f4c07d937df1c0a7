package org.clusterbridge.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One service, started from its packaged jar as a child process, its output going to a log file. The JVM runs in the
 * service's {@code quarkus-app} folder, where the class archives name the jars relative to it:
 * <ul>
 * <li>with the AOT cache ({@code app.aot}, JEP 483/515) on a JDK 25+ when a training run wrote one for this build:
 * classes loaded and linked, and method profiles, from the cache;</li>
 * <li>else with the build's AppCDS archive ({@code app-cds.jsa}, classes up to the end of static init) on this
 * JVM.</li>
 * </ul>
 * A training run ({@code --aot-train}) runs instance 0 of each service on the JDK 25+ with
 * {@code -XX:AOTCacheOutput}: the JVM records what it loads and runs until it stops, then writes the cache. The JVM
 * options bound the memory of each service (README: Start time and memory).
 */
final class ServiceProcess {

    /** The archive the package step writes next to {@code quarkus-run.jar} (the parent pom's quarkus.package.*). */
    static final String CLASS_ARCHIVE = "app-cds.jsa";
    /** The AOT cache a training run writes next to {@code quarkus-run.jar}. */
    static final String AOT_CACHE = "app.aot";
    /** The first JDK whose AOT cache holds method profiles and is written in one run (JEP 514, 515). */
    static final int AOT_JDK = 25;
    /** How long a training JVM may take to stop: it writes the cache on its way out. */
    private static final Duration TRAINING_STOP = Duration.ofMinutes(5);
    /**
     * A bounded heap with the serial collector: a service's live data is small, the machine has few cores, and the
     * serial collector adds neither threads nor remembered sets, so the resident size stays near heap + metaspace.
     * The heap starts small and grows under load up to the bound (a service idles with about 30 MB live).
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");
    /**
     * A class archive or AOT cache mapped where it was written, not relocated: since JDK 20 the JVM moves every
     * archive to a random address by default and rewrites its pointers, which turns its pages into private memory
     * (about 80 MB of a service's resident size with the AOT cache); mapped in place, its read-only part stays
     * shared with the file. The JVM still relocates it when that address is taken.
     */
    static final List<String> MAP_IN_PLACE = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");

    private final StackSettings.ServiceSpec spec;
    private final Path app;
    private final Path jar;
    private final Path log;
    private final ChildProcess process;
    private final boolean train;
    private boolean training;

    ServiceProcess(StackSettings.ServiceSpec spec, Path root, Path logDir) {
        this(spec, root, logDir, false);
    }

    /** With {@code train}, instance 0 is started as a training run that writes the AOT cache when it stops. */
    ServiceProcess(StackSettings.ServiceSpec spec, Path root, Path logDir, boolean train) {
        this.spec = spec;
        this.train = train && spec.instance() == 0;
        this.app = root.resolve(spec.name()).resolve("target/quarkus-app");
        this.jar = app.resolve("quarkus-run.jar");
        this.log = logDir.resolve(spec.instance() == 0 ? spec.name() + ".log"
                : spec.name() + "-" + spec.instance() + ".log");
        this.process = new ChildProcess(log);
    }

    StackSettings.ServiceSpec spec() {
        return spec;
    }

    Path log() {
        return log;
    }

    /** Whether its packaged application is there to start. */
    boolean built() {
        return Files.exists(jar);
    }

    void start(List<String> systemProperties) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -DskipTests package");
        }
        List<String> command = command(Jdks.atLeast(AOT_JDK),
                ProcessHandle.current().info().command().orElse("java"));
        training = command.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput="));
        if (training) {
            Files.deleteIfExists(app.resolve(AOT_CACHE));
        }
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(jar.getFileName().toString());
        process.start(new ProcessBuilder(command).directory(app.toFile()));
    }

    /**
     * The JVM and its options: a training run or the AOT cache on {@code aotJdk} (a JDK 25+ home, when there is
     * one), else {@code thisJava} with the AppCDS archive when the build wrote one.
     */
    List<String> command(Optional<Path> aotJdk, String thisJava) throws IOException {
        List<String> command = new ArrayList<>();
        if (aotJdk.isPresent() && (train || aotCacheFits())) {
            command.add(aotJdk.get().resolve("bin/java").toString());
            command.addAll(JVM_OPTIONS);
            if (train) {
                command.add("-XX:AOTCacheOutput=" + AOT_CACHE);
            } else {
                command.addAll(MAP_IN_PLACE);
                command.add("-XX:AOTCache=" + AOT_CACHE);
            }
            return command;
        }
        command.add(thisJava);
        command.addAll(JVM_OPTIONS);
        if (Files.exists(app.resolve(CLASS_ARCHIVE))) {
            command.addAll(MAP_IN_PLACE);
            command.add("-XX:SharedArchiveFile=" + CLASS_ARCHIVE);
        }
        return command;
    }

    /** A cache written after the jar it was trained on (a later build leaves it behind, and it is not used). */
    private boolean aotCacheFits() throws IOException {
        Path cache = app.resolve(AOT_CACHE);
        return Files.exists(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) >= 0;
    }

    /** Whether it runs as a training run (it writes the AOT cache when it stops). */
    boolean training() {
        return training;
    }

    /** The AOT cache of its build, once a training run wrote it. */
    Optional<Path> aotCache() {
        Path cache = app.resolve(AOT_CACHE);
        return Files.exists(cache) ? Optional.of(cache) : Optional.empty();
    }

    /** Waits until {@code /q/health/ready} answers 200; false when the process died or time ran out. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        return process.awaitOk(URI.create(spec.baseUrl() + "/q/health/ready"), timeout, Duration.ofMillis(250));
    }

    String tail(int lines) {
        return process.tail(lines);
    }

    /** The process id while it runs (or last ran). */
    long pid() {
        return process.pid();
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    /** Asks the process to stop and waits; kills it, and whatever it started, if it does not stop in time. */
    void stop() {
        process.stop(training ? TRAINING_STOP : Duration.ofSeconds(15));
    }
}

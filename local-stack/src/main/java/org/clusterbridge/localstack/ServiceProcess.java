package org.clusterbridge.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One service, started from its packaged jar as a child process, its output going to a log file. The JVM runs in the
 * service's {@code quarkus-app} folder with the build's AppCDS archive ({@code app-cds.jsa}) when there is one: the
 * archive names the jars relative to that folder, and loading the classes from it instead of from the jars cuts
 * start time and memory. The JVM options bound the memory of each service (README: Start time and memory).
 */
final class ServiceProcess {

    /** The archive the package step writes next to {@code quarkus-run.jar} (the parent pom's quarkus.package.*). */
    static final String CLASS_ARCHIVE = "app-cds.jsa";
    /**
     * A bounded heap with the serial collector: a service's live data is small, the machine has few cores, and the
     * serial collector adds neither threads nor remembered sets, so the resident size stays near heap + metaspace.
     * The heap starts small and grows under load up to the bound (a service idles with about 30 MB live).
     */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC");

    private final StackSettings.ServiceSpec spec;
    private final Path app;
    private final Path jar;
    private final Path log;
    private final ChildProcess process;

    ServiceProcess(StackSettings.ServiceSpec spec, Path root, Path logDir) {
        this.spec = spec;
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
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        if (Files.exists(app.resolve(CLASS_ARCHIVE))) {
            command.add("-XX:SharedArchiveFile=" + CLASS_ARCHIVE);
        }
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(jar.getFileName().toString());
        process.start(new ProcessBuilder(command).directory(app.toFile()));
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
        process.stop(Duration.ofSeconds(15));
    }
}

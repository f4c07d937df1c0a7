package org.clusterbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JVM and class archive a service starts with: the AOT cache of its build, else the AppCDS archive. */
class ServiceProcessTest {

    private static final Optional<Path> JDK_25 = Optional.of(Path.of("/opt/jdk-25"));
    private static final String THIS_JAVA = "/usr/bin/java";
    private static final StackSettings.ServiceSpec SERVICE = new StackSettings.ServiceSpec("cluster-service", 8081,
            "postgresql", "cluster");

    @TempDir
    Path root;
    private Path app;

    @BeforeEach
    void build() throws IOException {
        app = Files.createDirectories(root.resolve("cluster-service/target/quarkus-app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"), FileTime.from(Instant.parse("2026-12-01T10:00:00Z")));
        Files.writeString(app.resolve(ServiceProcess.CLASS_ARCHIVE), "cds");
    }

    @Test
    void withoutAnAotCacheItRunsOnThisJvmWithTheAppCdsArchive() throws IOException {
        assertThat(process(false).command(JDK_25, THIS_JAVA)).containsExactly(THIS_JAVA, "-Xms64m", "-Xmx256m",
                "-XX:+UseSerialGC", "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
                "-XX:SharedArchiveFile=app-cds.jsa");
    }

    @Test
    void aCacheWrittenAfterTheJarRunsOnTheJdk25WithIt() throws IOException {
        cache("2026-12-01T10:05:00Z");
        assertThat(process(false).command(JDK_25, THIS_JAVA)).containsExactly("/opt/jdk-25/bin/java", "-Xms64m",
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0",
                "-XX:AOTCache=app.aot");
    }

    @Test
    void aCacheOfAnEarlierBuildOrNoJdk25LeavesTheAppCdsArchive() throws IOException {
        cache("2026-12-01T09:55:00Z");
        assertThat(process(false).command(JDK_25, THIS_JAVA)).first().isEqualTo(THIS_JAVA);
        cache("2026-12-01T10:05:00Z");
        assertThat(process(false).command(Optional.empty(), THIS_JAVA)).first().isEqualTo(THIS_JAVA);
        assertThat(process(false).command(Optional.empty(), THIS_JAVA)).contains("-XX:SharedArchiveFile=app-cds.jsa");
    }

    @Test
    void aTrainingRunWritesTheCacheFromInstanceZeroOnly() throws IOException {
        assertThat(process(true).command(JDK_25, THIS_JAVA)).containsExactly("/opt/jdk-25/bin/java", "-Xms64m",
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:AOTCacheOutput=app.aot");
        ServiceProcess second = new ServiceProcess(SERVICE.replica(1), root, root, true);
        assertThat(second.command(JDK_25, THIS_JAVA)).first().isEqualTo(THIS_JAVA);
        assertThat(process(true).command(Optional.empty(), THIS_JAVA)).as("no JDK 25: no training").first()
                .isEqualTo(THIS_JAVA);
    }

    @Test
    void theFlagAsksForATrainingRun() {
        assertThat(StackSettings.from(new String[] { "--aot-train" }, Map.of()).aotTrain()).isTrue();
        assertThat(StackSettings.from(new String[0], Map.of()).aotTrain()).isFalse();
    }

    private ServiceProcess process(boolean train) {
        return new ServiceProcess(SERVICE, root, root, train);
    }

    private void cache(String written) throws IOException {
        Path cache = app.resolve(ServiceProcess.AOT_CACHE);
        Files.writeString(cache, "aot");
        Files.setLastModifiedTime(cache, FileTime.from(Instant.parse(written)));
    }
}

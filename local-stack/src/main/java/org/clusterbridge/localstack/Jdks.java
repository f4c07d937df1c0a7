package org.clusterbridge.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JDKs the stack can run its children on: this JVM's, or one installed under /usr/lib/jvm. */
final class Jdks {

    private static final Path INSTALLED = Path.of("/usr/lib/jvm");

    private Jdks() {
    }

    /** This JVM's home when its feature version is at least {@code feature}, else the newest such JDK installed. */
    static Optional<Path> atLeast(int feature) {
        if (Runtime.version().feature() >= feature) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        return newestInstalled(feature);
    }

    /** The newest JDK under /usr/lib/jvm whose feature version is at least {@code feature}. */
    static Optional<Path> newestInstalled(int feature) {
        List<Map.Entry<Integer, Path>> found = new ArrayList<>();
        try (DirectoryStream<Path> jdks = Files.newDirectoryStream(INSTALLED)) {
            for (Path jdk : jdks) {
                featureVersion(jdk).filter(v -> v >= feature && Files.isExecutable(jdk.resolve("bin/java")))
                        .ifPresent(v -> found.add(Map.entry(v, jdk)));
            }
        } catch (IOException e) {
            // no /usr/lib/jvm: nothing found there
        }
        return found.stream().max(Map.Entry.comparingByKey()).map(Map.Entry::getValue);
    }

    /** The feature version a JDK's {@code release} file names. */
    static Optional<Integer> featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"), StandardCharsets.UTF_8)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Optional.of(Integer.parseInt(version.split("[.+-]")[0]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not a JDK, or one we cannot read
        }
        return Optional.empty();
    }
}

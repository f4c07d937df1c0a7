package org.clusterbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files: what a producer emitted once, committed, and compared byte for byte afterwards, so that a
 * change of the bytes on the wire is a decision and never an accident. {@code -Dgolden.update=true} writes them.
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    /** Fails unless {@code file} holds exactly {@code lines} as a JSON array, one element a line. */
    public static void assertMatches(Path file, List<String> lines) throws IOException {
        String actual = "[\n" + String.join(",\n", lines) + "\n]\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file; write it once with -Dgolden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}

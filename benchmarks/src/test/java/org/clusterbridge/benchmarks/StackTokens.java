package org.clusterbridge.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The bearer tokens the local stack writes at each start, or -Dtoken=... for a stack elsewhere. */
final class StackTokens {

    private StackTokens() {
    }

    /** {@code role} is registry-reader, registry-editor or registry-admin. */
    static String bearer(String role) {
        String given = System.getProperty("token");
        if (given != null && !given.isBlank()) {
            return "Bearer " + given.strip();
        }
        // Relative to where Maven was started: the repository root, or benchmarks/ when run from there.
        Path folder = Path.of(System.getProperty("tokens", ".local-stack/tokens"));
        if (!folder.isAbsolute() && !Files.isDirectory(folder) && Files.isDirectory(Path.of("..").resolve(folder))) {
            folder = Path.of("..").resolve(folder);
        }
        Path file = folder.resolve(role + ".jwt");
        try {
            return "Bearer " + Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no token at " + file.toAbsolutePath()
                    + ": start ./local-stack.sh first, or pass -Dtoken=... (or -Dtokens=DIR)", e);
        }
    }
}

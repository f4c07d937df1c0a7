package org.clusterbridge.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository (the folder holding {@code contracts/}), found from the working directory upwards. */
public final class RepositoryFiles {

    private RepositoryFiles() {
    }

    public static Path resolve(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("contracts"))) {
                return dir.resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (with contracts/) not found above "
                + Path.of("").toAbsolutePath());
    }
}

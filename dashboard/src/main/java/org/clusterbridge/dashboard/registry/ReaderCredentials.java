package org.clusterbridge.dashboard.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The dashboard's own bearer token for the services (role registry-reader). People who sign in to the dashboard
 * never hold it: it stays on the server. A token file is read again whenever it changes, so a local stack that
 * restarts with new tokens needs no dashboard restart.
 */
@ApplicationScoped
public class ReaderCredentials {

    private final RegistryConfig config;
    private volatile FileTime readAt;
    private volatile String fromFile;

    ReaderCredentials(RegistryConfig config) {
        this.config = config;
    }

    /** The token to send, or empty when none is configured (the services then answer 401). */
    public String token() {
        if (config.tokenFile().isPresent()) {
            return fromFile(Path.of(config.tokenFile().get()));
        }
        return config.token().orElse("").trim();
    }

    private String fromFile(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readAt)) {
                fromFile = Files.readString(file, StandardCharsets.US_ASCII).trim();
                readAt = modified;
            }
            return fromFile;
        } catch (IOException e) {
            return "";
        }
    }
}

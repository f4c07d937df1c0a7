package org.clusterbridge.dashboard.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;

/**
 * The dashboard's own bearer token for the services (role registry-reader). People who sign in to the dashboard
 * never hold it: it stays on the server. Three sources, the first configured wins:
 * <ul>
 * <li>the identity provider (quarkus-oidc-client, client credentials of the realm's {@code dashboard} client, whose
 * service account is a registry-reader), renewed shortly before it expires;</li>
 * <li>a token file, read again whenever it changes, so a local stack that restarts with new tokens needs no
 * dashboard restart;</li>
 * <li>the token itself ({@code dashboard.registry.token}).</li>
 * </ul>
 */
@ApplicationScoped
public class ReaderCredentials {

    private static final Logger LOG = Logger.getLogger(ReaderCredentials.class);

    private final RegistryConfig config;
    private final Optional<String> providerUrl;
    private final Instance<OidcClient> client;
    private volatile FileTime readAt;
    private volatile String fromFile;
    private Tokens tokens;

    ReaderCredentials(RegistryConfig config,
            @ConfigProperty(name = "quarkus.oidc-client.client-enabled") boolean clientEnabled,
            @ConfigProperty(name = "quarkus.oidc-client.auth-server-url") Optional<String> providerUrl,
            Instance<OidcClient> client) {
        this.config = config;
        this.providerUrl = providerUrl.filter(url -> clientEnabled && !url.isBlank());
        this.client = client;
    }

    /** The token to send, or empty when none can be had (the services then answer 401, and pages say so). */
    public String token() {
        if (providerUrl.isPresent()) {
            return fromProvider();
        }
        if (config.tokenFile().isPresent()) {
            return fromFile(Path.of(config.tokenFile().get()));
        }
        return config.token().orElse("").trim();
    }

    private synchronized String fromProvider() {
        try {
            if (tokens == null || tokens.isAccessTokenExpired() || tokens.isAccessTokenWithinRefreshInterval()) {
                tokens = client.get().getTokens().await().atMost(config.timeout());
            }
            return tokens.getAccessToken();
        } catch (RuntimeException e) {
            LOG.warnf("no reader token from the identity provider %s: %s", providerUrl.get(), e.getMessage());
            tokens = null;
            return "";
        }
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

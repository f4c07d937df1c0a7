package org.clusterbridge.dashboard.signin;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether people sign in through an OpenID Connect provider (Keycloak, with docker compose or
 * {@code ./local-stack.sh --keycloak}): quarkus-oidc runs the authorization code flow when its tenant is enabled
 * ({@code quarkus.oidc.tenant-enabled}) with {@code quarkus.oidc.auth-server-url} naming the realm. Otherwise the
 * local stack's one-time link signs people in.
 */
@ApplicationScoped
public class IdentityProvider {

    private final boolean enabled;

    IdentityProvider(@ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean enabled,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> realm) {
        this.enabled = enabled && realm.filter(url -> !url.isBlank()).isPresent();
    }

    public boolean enabled() {
        return enabled;
    }
}

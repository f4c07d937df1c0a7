package org.clusterbridge.api.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/** The authenticated caller of the current request, as the actor of the changes it makes. */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Actor actor() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        String subject = identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject()
                : identity.getPrincipal().getName();
        return new Actor(subject, identity.hasRole(Roles.ADMIN));
    }
}

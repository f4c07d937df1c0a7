package org.clusterbridge.api.security;

/**
 * Who makes a change: the token's subject, or the name of a service acting on its own schedule. Stored as
 * createdBy/updatedBy and carried as the {@code actor} of the change's event.
 */
public record Actor(String subject, boolean admin) {

    public Actor {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an actor needs a subject");
        }
    }

    /** A service acting by itself, such as a scheduled status check. */
    public static Actor service(String name) {
        return new Actor("service:" + name, false);
    }
}

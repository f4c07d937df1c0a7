package org.clusterbridge.api.security;

/**
 * The registry's roles, as they arrive in a token's {@code groups} claim. Each list names the roles that may
 * do a kind of thing, so a token needs only its highest role, whatever its identity provider expands.
 */
public final class Roles {

    /** Reads everything. */
    public static final String READER = "registry-reader";
    /** Registers and updates; corrects the funding figures it reported. */
    public static final String EDITOR = "registry-editor";
    /** Retires, terminates, corrects anyone's figures and rebuilds views. */
    public static final String ADMIN = "registry-admin";

    private Roles() {
    }
}

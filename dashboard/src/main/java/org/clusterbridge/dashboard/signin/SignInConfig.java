package org.clusterbridge.dashboard.signin;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** How people sign in and how long a session lasts. */
@ConfigMapping(prefix = "dashboard.sign-in")
public interface SignInConfig {

    /** The file the one-time sign-in link is written to (the local stack's {@code <data>/dashboard.url}). */
    @WithName("link-file")
    Optional<String> linkFile();

    /** The address people open the dashboard at, for the link. */
    @WithName("public-url")
    String publicUrl();

    @WithName("idle-timeout")
    Duration idleTimeout();

    @WithName("secure-cookie")
    boolean secureCookie();
}

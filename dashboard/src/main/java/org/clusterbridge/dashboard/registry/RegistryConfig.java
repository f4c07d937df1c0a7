package org.clusterbridge.dashboard.registry;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/** Where the three services are and how the dashboard proves it may read them. */
@ConfigMapping(prefix = "dashboard.registry")
public interface RegistryConfig {

    @WithName("cluster-service")
    String clusterService();

    @WithName("mou-service")
    String mouService();

    @WithName("funding-service")
    String fundingService();

    /** A file holding the dashboard's reader token, read again when it changes. */
    @WithName("token-file")
    Optional<String> tokenFile();

    /** The reader token itself, when it is not in a file. */
    Optional<String> token();

    Duration timeout();
}

package org.clusterbridge.testing;

import java.util.Optional;

/**
 * Environment variables that point the tests at servers started elsewhere (for example by
 * {@code docker compose up}) instead of the embedded ones.
 */
public final class ExternalServers {

    /** Bootstrap servers of an external Kafka, for example {@code 127.0.0.1:9092}. */
    public static final String KAFKA = "CLUSTERBRIDGE_KAFKA";
    /** JDBC URL of an external PostgreSQL's admin database, for example {@code jdbc:postgresql://127.0.0.1:5432/postgres}. */
    public static final String POSTGRES_URL = "CLUSTERBRIDGE_POSTGRES_URL";
    public static final String POSTGRES_USER = "CLUSTERBRIDGE_POSTGRES_USER";
    public static final String POSTGRES_PASSWORD = "CLUSTERBRIDGE_POSTGRES_PASSWORD";
    /** Connection string of an external MongoDB, for example {@code mongodb://127.0.0.1:27017}. */
    public static final String MONGO_URI = "CLUSTERBRIDGE_MONGO_URI";

    private ExternalServers() {
    }

    public static Optional<String> get(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public static String getOrDefault(String variable, String fallback) {
        return get(variable).orElse(fallback);
    }
}

package org.clusterbridge.testing;

import org.clusterbridge.embedded.PostgresServer;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a real PostgreSQL with the service's database (init arg {@code database}), or the
 * external server named by {@value ExternalServers#POSTGRES_URL}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;
    private String database = "clusterbridge";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        String user = ExternalServers.getOrDefault(ExternalServers.POSTGRES_USER, PostgresServer.USER);
        String password = ExternalServers.getOrDefault(ExternalServers.POSTGRES_PASSWORD, PostgresServer.PASSWORD);
        String url = ExternalServers.get(ExternalServers.POSTGRES_URL)
                .map(admin -> PostgresServer.ensureDatabase(admin, user, password, database))
                .orElseGet(() -> {
                    server = PostgresServer.temporary().start();
                    return server.database(database);
                });
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}

package org.clusterbridge.testing;

import org.clusterbridge.embedded.MongoWireServer;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a MongoDB-wire server in memory, or the external MongoDB named by
 * {@value ExternalServers#MONGO_URI}.
 */
public class MongoResource implements QuarkusTestResourceLifecycleManager {

    private MongoWireServer server;

    @Override
    public Map<String, String> start() {
        String uri = ExternalServers.get(ExternalServers.MONGO_URI).orElseGet(() -> {
            server = MongoWireServer.inMemory().start();
            return server.connectionString();
        });
        return Map.of("quarkus.mongodb.connection-string", uri);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}

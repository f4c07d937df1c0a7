package org.clusterbridge.embedded;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A server that speaks the MongoDB wire protocol (mongo-java-server) on 127.0.0.1. In memory for tests, or
 * backed by a file for the local stack, where every write is committed and synced to the file before it is
 * acknowledged ({@link DurableH2Backend}).
 */
public final class MongoWireServer implements AutoCloseable {

    private final Path file;
    private final int port;
    private MongoServer server;

    private MongoWireServer(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    public static MongoWireServer inMemory() {
        return new MongoWireServer(null, LoopbackPorts.free());
    }

    public static MongoWireServer persistent(Path file, int port) {
        return new MongoWireServer(file, port);
    }

    public synchronized MongoWireServer start() {
        if (server == null) {
            MongoBackend backend = file == null ? new MemoryBackend() : new DurableH2Backend(file);
            server = new MongoServer(backend);
            server.bind(LoopbackPorts.HOST, port);
        }
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }

    public String connectionString() {
        return "mongodb://" + LoopbackPorts.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}

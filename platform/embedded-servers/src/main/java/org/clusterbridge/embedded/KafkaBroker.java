package org.clusterbridge.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller) running in this JVM on 127.0.0.1.
 * It keeps its log directory and ports across {@link #stop()} and {@link #start()}, so tests can take the
 * broker away and bring it back with the same data, as an outage would.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final boolean deleteOnClose;
    private final String clusterId;
    private KafkaRaftServer server;

    public KafkaBroker(Path logDir, int port, int controllerPort, boolean deleteOnClose) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.deleteOnClose = deleteOnClose;
        this.clusterId = existingClusterId(logDir);
    }

    /** A formatted log directory keeps its cluster id; a new one gets a fresh id. */
    private static String existingClusterId(Path logDir) {
        Path meta = logDir.resolve("meta.properties");
        if (Files.exists(meta)) {
            Properties properties = new Properties();
            try (var in = Files.newInputStream(meta)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String id = properties.getProperty("cluster.id");
            if (id != null) {
                return id;
            }
        }
        return Uuid.randomUuid().toString();
    }

    /** A throw-away broker on free ports, for tests. */
    public static KafkaBroker temporary() {
        try {
            return new KafkaBroker(Files.createTempDirectory("clusterbridge-kafka"), LoopbackPorts.free(),
                    LoopbackPorts.free(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized KafkaBroker start() {
        if (server != null) {
            return this;
        }
        Properties props = properties();
        format(props);
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        return this;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return LoopbackPorts.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            Directories.deleteRecursively(logDir);
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + LoopbackPorts.HOST + ":" + controllerPort);
        props.put("listeners", "PLAINTEXT://" + LoopbackPorts.HOST + ":" + port + ",CONTROLLER://"
                + LoopbackPorts.HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + LoopbackPorts.HOST + ":" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created by the services with their own settings, never by a stray consumer.
        props.put("auto.create.topics.enable", "false");
        props.put("log.cleaner.backoff.ms", "1000");
        return props;
    }

    private void format(Properties props) {
        Path config = logDir.resolve("server.properties");
        try {
            Files.createDirectories(logDir);
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "ClusterBridge embedded Kafka");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] { "format", "-t", clusterId, "-c", config.toString(),
                "--ignore-formatted" }, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }
}

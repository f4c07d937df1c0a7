package org.clusterbridge.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from embedded binaries on 127.0.0.1. Each service gets its own database on it,
 * created on demand, as it would on a shared server in production. A server whose data is kept runs with
 * {@code fsync} and {@code synchronous_commit} on: an acknowledged commit is on disk.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDir;
    private final int port;
    private final boolean deleteOnClose;
    private EmbeddedPostgres postgres;

    public PostgresServer(Path dataDir, int port, boolean deleteOnClose) {
        this.dataDir = dataDir;
        this.port = port;
        this.deleteOnClose = deleteOnClose;
    }

    public static PostgresServer temporary() {
        try {
            return new PostgresServer(Files.createTempDirectory("clusterbridge-postgres"), LoopbackPorts.free(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized PostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", LoopbackPorts.HOST)
                    .setServerConfig("max_connections", "200")
                    // Data that is kept (the local stack's) survives an operating-system crash; throw-away test
                    // databases skip the flushes.
                    .setServerConfig("fsync", deleteOnClose ? "off" : "on")
                    .setServerConfig("synchronous_commit", deleteOnClose ? "off" : "on")
                    .setServerConfig("full_page_writes", deleteOnClose ? "off" : "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
        return this;
    }

    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    public String adminJdbcUrl() {
        return "jdbc:postgresql://" + LoopbackPorts.HOST + ":" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    /** Creates the database when missing and returns its JDBC URL. */
    public String database(String name) {
        return ensureDatabase(adminJdbcUrl(), USER, PASSWORD, name);
    }

    /** Creates {@code name} on the server behind {@code adminUrl} unless it exists; returns the database's URL. */
    public static String ensureDatabase(String adminUrl, String user, String password, String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password)) {
            boolean exists;
            try (var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                statement.setString(1, name);
                exists = statement.executeQuery().next();
            }
            if (!exists) {
                try (var statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + name + " at " + adminUrl, e);
        }
        int slash = adminUrl.lastIndexOf('/');
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            Directories.deleteRecursively(dataDir);
        }
    }
}

package org.clusterbridge.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. Defaults as in SYSTEM.md; each can be set by a
 * flag ({@code --kafka-port 19092}) or an environment variable ({@code CLUSTERBRIDGE_KAFKA_PORT}).
 */
record StackSettings(Path root, Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort, int mongoPort,
        List<ServiceSpec> services, boolean seed) {

    record ServiceSpec(String name, int port, String store, String database) {
        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    static StackSettings from(String[] args, Map<String, String> env) {
        Map<String, String> flags = new java.util.HashMap<>();
        boolean seed = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--no-seed")) {
                seed = false;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException("help");
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                flags.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        Path root = Path.of(value(flags, env, "root", System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path data = root.resolve(value(flags, env, "data", ".local-stack")).toAbsolutePath().normalize();
        int kafka = port(flags, env, "kafka-port", 9092);
        return new StackSettings(root, data, kafka, port(flags, env, "kafka-controller-port", kafka + 1),
                port(flags, env, "postgres-port", 5433), port(flags, env, "mongo-port", 27017),
                List.of(new ServiceSpec("cluster-service", port(flags, env, "cluster-service-port", 8081), "postgresql",
                        "cluster"),
                        new ServiceSpec("mou-service", port(flags, env, "mou-service-port", 8082), "mongodb", "mou"),
                        new ServiceSpec("funding-service", port(flags, env, "funding-service-port", 8083),
                                "postgresql", "funding")),
                seed);
    }

    static String usage() {
        return """
                Usage: ./local-stack.sh [--data DIR] [--kafka-port N] [--postgres-port N] [--mongo-port N]
                                        [--cluster-service-port N] [--mou-service-port N] [--funding-service-port N]
                                        [--no-seed]
                Each option can also be given as an environment variable, for example CLUSTERBRIDGE_KAFKA_PORT=19092.
                Defaults: data .local-stack/, Kafka 9092 (controller 9093), PostgreSQL 5433, MongoDB 27017,
                services 8081, 8082, 8083.
                Each start writes a bearer token per role to <data>/tokens/ (registry-reader.jwt, registry-editor.jwt,
                registry-admin.jwt; valid 12 hours), signed with the key pair kept in <data>/jwt/.""";
    }

    private static String value(Map<String, String> flags, Map<String, String> env, String name, String fallback) {
        String fromFlag = flags.get(name);
        if (fromFlag != null) {
            return fromFlag;
        }
        String fromEnv = env.get("CLUSTERBRIDGE_" + name.toUpperCase().replace('-', '_'));
        return fromEnv == null || fromEnv.isBlank() ? fallback : fromEnv;
    }

    private static int port(Map<String, String> flags, Map<String, String> env, String name, int fallback) {
        String raw = value(flags, env, name, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(raw.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, not " + raw);
        }
    }
}

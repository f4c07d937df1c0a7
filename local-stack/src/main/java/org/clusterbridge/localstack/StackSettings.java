package org.clusterbridge.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses. Defaults as in SYSTEM.md; each can be set by a
 * flag ({@code --kafka-port 19092}) or an environment variable ({@code CLUSTERBRIDGE_KAFKA_PORT}).
 */
record StackSettings(Path root, Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort, int mongoPort,
        List<ServiceSpec> services, boolean seed, int replicas, ServiceSpec dashboard, boolean keycloak,
        int keycloakPort, int keycloakManagementPort, boolean aotTrain) {

    /** Instance i of a service listens on its base port + PORT_STEP * i: 8081, 8181, 8281 ... */
    static final int PORT_STEP = 100;
    static final int MAX_REPLICAS = 9;
    /** The internal users' web application, started after the services when it is built. */
    static final String DASHBOARD = "dashboard";

    /** One instance of a service: instance 0 on the service's base port, instance i on base + PORT_STEP * i. */
    record ServiceSpec(String name, int port, String store, String database, int instance) {
        ServiceSpec(String name, int port, String store, String database) {
            this(name, port, store, database, 0);
        }

        /** Instance {@code i} of this (base) service. */
        ServiceSpec replica(int i) {
            return new ServiceSpec(name, port + PORT_STEP * i, store, database, i);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** {@code cluster-service} for instance 0, {@code cluster-service#1} for the next. */
        String label() {
            return instance == 0 ? name : name + "#" + instance;
        }
    }

    /** Every instance of every service: instance 0 of each service first, then instance 1 of each, ... */
    List<ServiceSpec> instances() {
        List<ServiceSpec> all = new java.util.ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            for (ServiceSpec service : services) {
                all.add(service.replica(i));
            }
        }
        return all;
    }

    static StackSettings from(String[] args, Map<String, String> env) {
        Map<String, String> flags = new java.util.HashMap<>();
        boolean seed = true;
        boolean keycloak = false;
        boolean aotTrain = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--no-seed")) {
                seed = false;
            } else if (arg.equals("--keycloak")) {
                keycloak = true;
            } else if (arg.equals("--aot-train")) {
                aotTrain = true;
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
        String rawReplicas = value(flags, env, "replicas", "1");
        int replicas;
        try {
            replicas = Integer.parseInt(rawReplicas.trim());
        } catch (NumberFormatException e) {
            replicas = -1;
        }
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("--replicas must be a number from 1 to " + MAX_REPLICAS + ", not "
                    + rawReplicas);
        }
        StackSettings settings = new StackSettings(root, data, kafka, port(flags, env, "kafka-controller-port", kafka + 1),
                port(flags, env, "postgres-port", 5433), port(flags, env, "mongo-port", 27017),
                List.of(new ServiceSpec("cluster-service", port(flags, env, "cluster-service-port", 8081), "postgresql",
                        "cluster"),
                        new ServiceSpec("mou-service", port(flags, env, "mou-service-port", 8082), "mongodb", "mou"),
                        new ServiceSpec("funding-service", port(flags, env, "funding-service-port", 8083),
                                "postgresql", "funding")),
                seed, replicas, new ServiceSpec(DASHBOARD, port(flags, env, "dashboard-port", 8080), "none", null),
                keycloak || Boolean.parseBoolean(value(flags, env, "keycloak", "false")),
                port(flags, env, "keycloak-port", 8180), port(flags, env, "keycloak-management-port", 8190),
                aotTrain);
        for (ServiceSpec instance : settings.instances()) {
            if (instance.port() > 65535) {
                throw new IllegalArgumentException("--" + instance.name() + "-port " + (instance.port()
                        - PORT_STEP * instance.instance()) + " leaves no port for instance " + instance.instance()
                        + " (base + " + PORT_STEP + " per instance)");
            }
        }
        return settings;
    }

    static String usage() {
        return """
                Usage: ./local-stack.sh [--data DIR] [--kafka-port N] [--postgres-port N] [--mongo-port N]
                                        [--cluster-service-port N] [--mou-service-port N] [--funding-service-port N]
                                        [--dashboard-port N] [--replicas N] [--no-seed]
                                        [--keycloak [--keycloak-port N] [--keycloak-management-port N]]
                                        [--aot-train]
                Each option can also be given as an environment variable, for example CLUSTERBRIDGE_KAFKA_PORT=19092.
                Defaults: data .local-stack/, Kafka 9092 (controller 9093), PostgreSQL 5433, MongoDB 27017,
                services 8081, 8082, 8083, dashboard 8080.
                --replicas N (1 to 9, default 1) runs N instances of each service; instance i of a service listens on
                its port + 100 * i (with the defaults: cluster-service 8081, 8181, ...; mou-service 8082, 8182, ...;
                funding-service 8083, 8183, ...). The instances of a service share its database and its Kafka consumer
                group (one outbox relay active at a time); logs in <data>/logs/<service>.log, <service>-<i>.log.
                Each start writes a bearer token per role to <data>/tokens/ (registry-reader.jwt, registry-editor.jwt,
                registry-admin.jwt; valid 12 hours), signed with the key pair kept in <data>/jwt/.
                The dashboard (http://127.0.0.1:8080) signs people in with a one-time link that the stack prints and
                writes to <data>/dashboard.url; after each use the dashboard writes a new link there.
                --keycloak runs the identity path of docker compose instead: Keycloak (development mode, on 8180,
                management 8190, needs a Java 21+ JDK) with the realm deploy/keycloak/clusterbridge-realm.json imported
                afresh at each start; the services accept its tokens only, the token files hold its client-credentials
                tokens (valid 5 minutes), and people sign in to the dashboard on Keycloak's login page (user
                dashboard-reader, temporary password dev-only-reader-password).
                --aot-train is a training run once per build: the stack starts (on a JDK 25+, this one or the newest
                under /usr/lib/jvm), loads the seed, reads, and stops; each service and the dashboard write their AOT
                cache (target/quarkus-app/app.aot) as they stop. Later starts on that JDK load their classes, linked,
                and method profiles from it (without one, or after a new build, they use the AppCDS archive).""";
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

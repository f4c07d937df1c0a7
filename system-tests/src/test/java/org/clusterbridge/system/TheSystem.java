package org.clusterbridge.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.clusterbridge.localstack.LocalStack;
import org.clusterbridge.embedded.LoopbackPorts;
import org.junit.jupiter.api.Assumptions;

/**
 * The system under test, one for the whole run: a local stack on free ports and a temporary data folder, or,
 * when {@code CLUSTERBRIDGE_CLUSTER_SERVICE_URL}, {@code CLUSTERBRIDGE_MOU_SERVICE_URL} and
 * {@code CLUSTERBRIDGE_FUNDING_SERVICE_URL} are set, the services already running there (docker compose), with
 * the broker at {@code CLUSTERBRIDGE_KAFKA} and the bearer tokens in {@code CLUSTERBRIDGE_TOKEN_READER},
 * {@code CLUSTERBRIDGE_TOKEN_EDITOR} and {@code CLUSTERBRIDGE_TOKEN_ADMIN}. Against the local stack the suite uses
 * the tokens the stack issued at start.
 */
public final class TheSystem {

    public static final String CLUSTER_SERVICE = "cluster-service";
    public static final String MOU_SERVICE = "mou-service";
    public static final String FUNDING_SERVICE = "funding-service";
    public static final List<String> SERVICES = List.of(CLUSTER_SERVICE, MOU_SERVICE, FUNDING_SERVICE);
    public static final String DASHBOARD = "dashboard";

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.kafka"), Logger.getLogger("kafka"),
            Logger.getLogger("state.change.logger"), Logger.getLogger("io.zonky"), Logger.getLogger("de.bwaldvogel"),
            Logger.getLogger("org.eclipse.jetty"), Logger.getLogger("org.h2"));

    private static TheSystem instance;
    private static String seedFailure;

    private final Map<String, String> urls;
    private final String kafka;
    private final LocalStack stack;
    private final Path dataDir;
    private final Tokens tokens;

    private TheSystem(Map<String, String> urls, String kafka, LocalStack stack, Path dataDir, Tokens tokens) {
        this(urls, kafka, stack, dataDir, tokens, true);
    }

    private TheSystem(Map<String, String> urls, String kafka, LocalStack stack, Path dataDir, Tokens tokens,
            boolean useTokens) {
        this.urls = urls;
        this.kafka = kafka;
        this.stack = stack;
        this.dataDir = dataDir;
        this.tokens = tokens;
        if (useTokens) {
            Http.use(tokens);
        }
    }

    /**
     * One instance of each service of a stack a test started itself (not the shared one): the API of
     * {@link ClusterBridge}, {@link WriteLoad} and {@link Convergence} against that instance. Requests carry the
     * tokens {@link Http#use} was last given, so the test sets them (and restores them when it is done).
     */
    static TheSystem instanceOf(LocalStack stack, int instance) {
        return new TheSystem(Map.of(CLUSTER_SERVICE, stack.baseUrl(CLUSTER_SERVICE, instance), MOU_SERVICE,
                stack.baseUrl(MOU_SERVICE, instance), FUNDING_SERVICE, stack.baseUrl(FUNDING_SERVICE, instance)),
                stack.kafkaBootstrapServers(), stack, null, Tokens.of(stack), false);
    }

    /** Services at these URLs (and the broker at {@code kafka}), for a stack that runs in another process. */
    static TheSystem at(Map<String, String> urls, String kafka, Tokens tokens) {
        return new TheSystem(Map.copyOf(urls), kafka, null, null, tokens, false);
    }

    /** Whether the suite runs against a local stack it started (false against docker compose). */
    public static boolean localStackMode() {
        Map<String, String> env = System.getenv();
        return !isSet(env.get("CLUSTERBRIDGE_CLUSTER_SERVICE_URL")) && !isSet(env.get("CLUSTERBRIDGE_MOU_SERVICE_URL"))
                && !isSet(env.get("CLUSTERBRIDGE_FUNDING_SERVICE_URL"));
    }

    /** A temporary folder with a private copy of the packaged services, for a test's own stack. */
    static Path servicesSnapshot(Path data) {
        Path repository = Path.of(System.getProperty("clusterbridge.root", "..")).toAbsolutePath().normalize();
        try {
            return snapshotOfServices(repository, data.resolve("services"), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same with the dashboard, and what {@code --keycloak} needs from the repository: the realm file and the
     * Keycloak distribution the build copied (linked, not copied: it is 160 MB).
     */
    public static Path servicesSnapshotWithKeycloak(Path data) {
        Path repository = Path.of(System.getProperty("clusterbridge.root", "..")).toAbsolutePath().normalize();
        try {
            Path root = snapshotOfServices(repository, data.resolve("services"), true);
            Path realm = Path.of("deploy", "keycloak");
            Files.createDirectories(root.resolve(realm));
            Files.copy(repository.resolve(realm).resolve("clusterbridge-realm.json"),
                    root.resolve(realm).resolve("clusterbridge-realm.json"));
            Path distribution = Path.of("local-stack", "target", "keycloak");
            Files.createDirectories(root.resolve(distribution).getParent());
            Files.createSymbolicLink(root.resolve(distribution), repository.resolve(distribution));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quiets the embedded servers' loggers, as for the shared stack. */
    public static void quietLogs() {
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    /** The running system, started on first use. */
    public static synchronized TheSystem get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    private static TheSystem start() {
        Map<String, String> env = System.getenv();
        String cluster = env.get("CLUSTERBRIDGE_CLUSTER_SERVICE_URL");
        String mou = env.get("CLUSTERBRIDGE_MOU_SERVICE_URL");
        String funding = env.get("CLUSTERBRIDGE_FUNDING_SERVICE_URL");
        if (isSet(cluster) || isSet(mou) || isSet(funding)) {
            if (!isSet(cluster) || !isSet(mou) || !isSet(funding)) {
                throw new IllegalStateException("set all three of CLUSTERBRIDGE_CLUSTER_SERVICE_URL, "
                        + "CLUSTERBRIDGE_MOU_SERVICE_URL and CLUSTERBRIDGE_FUNDING_SERVICE_URL, or none");
            }
            String kafka = env.get("CLUSTERBRIDGE_KAFKA");
            Tokens tokens = Tokens.fromEnvironment(env);
            System.out.printf("System tests against running services: %s, %s, %s (Kafka %s); tokens of %s, %s and %s "
                    + "from the environment%n", cluster, mou, funding, isSet(kafka) ? kafka : "not given",
                    Tokens.subject(tokens.reader()), Tokens.subject(tokens.editor()), Tokens.subject(tokens.admin()));
            return new TheSystem(Map.of(CLUSTER_SERVICE, trim(cluster), MOU_SERVICE, trim(mou), FUNDING_SERVICE,
                    trim(funding)), isSet(kafka) ? kafka.trim() : null, null, null, tokens);
        }
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        Path repository = Path.of(System.getProperty("clusterbridge.root", "..")).toAbsolutePath().normalize();
        Path data;
        Path root;
        try {
            data = Files.createTempDirectory("clusterbridge-system-tests");
            root = snapshotOfServices(repository, data.resolve("services"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        LocalStack stack;
        try {
            stack = launch(root, data, true);
        } catch (Exception e) {
            if (!isSeedFailure(e)) {
                throw new IllegalStateException("the local stack did not start: " + e.getMessage(), e);
            }
            // The seed test reports this; the other tests still run, on a stack without the seed data.
            seedFailure = e.toString();
            Report.line("the local stack could not load its seed data (%s); started again without it", e);
            try {
                stack = launch(root, data, false);
            } catch (Exception again) {
                throw new IllegalStateException("the local stack did not start: " + again.getMessage(), again);
            }
        }
        Report.line("local stack up in %.1f s (data in %s)", (System.nanoTime() - started) / 1e9, data);
        return new TheSystem(Map.of(CLUSTER_SERVICE, stack.baseUrl(CLUSTER_SERVICE), MOU_SERVICE,
                stack.baseUrl(MOU_SERVICE), FUNDING_SERVICE, stack.baseUrl(FUNDING_SERVICE)),
                stack.kafkaBootstrapServers(), stack, data, Tokens.of(stack));
    }

    /**
     * A private copy of the packaged services ({@code <service>/target/quarkus-app}): a rebuild of a service in the
     * working tree while the suite runs must not pull jars from under a running or restarting process.
     */
    private static Path snapshotOfServices(Path repository, Path snapshot, boolean withDashboard)
            throws IOException {
        List<String> applications = new java.util.ArrayList<>(SERVICES);
        // The shared stack runs the dashboard too, when it is built (a test's own stack runs the services only).
        if (withDashboard && Files.exists(repository.resolve(DASHBOARD).resolve("target/quarkus-app/quarkus-run.jar"))) {
            applications.add(DASHBOARD);
        }
        for (String service : applications) {
            Path app = repository.resolve(service).resolve("target/quarkus-app");
            if (!Files.exists(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(app.resolve("quarkus-run.jar")
                        + " is missing: package the services first (./mvnw -DskipTests package)");
            }
            Path target = snapshot.resolve(service).resolve("target/quarkus-app");
            try (var files = Files.walk(app)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = target.resolve(app.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        // With its timestamps: the AppCDS archive (app-cds.jsa) only serves jars as they were built.
                        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return snapshot;
    }

    private static LocalStack launch(Path root, Path data, boolean seed) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--root", root.toString(), "--data", data.toString(),
                "--kafka-port", port(), "--kafka-controller-port", port(), "--postgres-port", port(),
                "--mongo-port", port(), "--cluster-service-port", port(), "--mou-service-port", port(),
                "--funding-service-port", port(), "--dashboard-port", port()));
        if (!seed) {
            args.add("--no-seed");
        }
        return LocalStack.launch(args.toArray(String[]::new));
    }

    /** The importer stops the start when a seed file names a cluster that no seed file registers. */
    private static boolean isSeedFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("seed refers to")) {
                return true;
            }
        }
        return false;
    }

    /** Why the stack could not load its seed data at start, if it could not. */
    public static Optional<String> seedFailure() {
        return Optional.ofNullable(seedFailure);
    }

    private void stop() {
        if (stack != null) {
            stack.stop();
            deleteQuietly(dataDir);
        }
    }

    public String url(String service) {
        return urls.get(service);
    }

    public String clusterService() {
        return urls.get(CLUSTER_SERVICE);
    }

    public String mouService() {
        return urls.get(MOU_SERVICE);
    }

    public String fundingService() {
        return urls.get(FUNDING_SERVICE);
    }

    /** The tokens requests carry: one per role. */
    public Tokens tokens() {
        return tokens;
    }

    public boolean isLocalStack() {
        return stack != null;
    }

    /** The broker's bootstrap servers, when the suite knows them. */
    public Optional<String> kafka() {
        return Optional.ofNullable(kafka);
    }

    /** The local stack, for tests that stop the broker or kill a service; skips the test against compose. */
    public LocalStack localStack(String why) {
        Assumptions.assumeTrue(stack != null, () -> "skipped against externally started services (docker compose): "
                + why + " needs the local stack, which this suite controls");
        return stack;
    }

    public static String port() {
        return Integer.toString(LoopbackPorts.free());
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String trim(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}

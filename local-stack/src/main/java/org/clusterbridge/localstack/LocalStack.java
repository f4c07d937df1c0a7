package org.clusterbridge.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.clusterbridge.localstack.StackSettings.ServiceSpec;
import org.clusterbridge.embedded.KafkaBroker;
import org.clusterbridge.embedded.LoopbackPorts;
import org.clusterbridge.embedded.MongoWireServer;
import org.clusterbridge.embedded.PostgresServer;
import org.clusterbridge.embedded.TokenIssuer;

/**
 * The whole system on one machine without Docker: a real Kafka broker (KRaft, in this JVM), a real PostgreSQL
 * (embedded binaries), a MongoDB-wire server, then the three services as child processes, then the seed data.
 * Data stays in {@code .local-stack/} between runs; Ctrl-C stops everything that was started. The services trust
 * the stack's own token issuer ({@link StackTokens}): its key pair stays in {@code <data>/jwt/}, and each start
 * writes a bearer token per role to {@code <data>/tokens/}.
 */
public final class LocalStack {

    private static final PrintStream OUT = System.out;
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final List<Logger> QUIET = List.of(Logger.getLogger(""), Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("kafka"), Logger.getLogger("state.change.logger"), Logger.getLogger("io.zonky"),
            Logger.getLogger("de.bwaldvogel"));

    /** How long the tokens issued at start stay valid. */
    public static final Duration TOKEN_LIFETIME = StackTokens.LIFETIME;

    private final StackSettings settings;
    private final List<ServiceProcess> services = new ArrayList<>();
    /** The dashboard, when it is built (null otherwise). */
    private ServiceProcess dashboard;
    /** True when started from the command line: the summary then shows the tokens themselves. */
    private final boolean interactive;
    private StackTokens tokens;
    private FileChannel lockChannel;
    private FileLock lock;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private MongoWireServer mongo;
    /** Keycloak, with --keycloak (null otherwise). */
    private KeycloakServer keycloak;
    private long dashboardLaunched;

    LocalStack(StackSettings settings, boolean interactive) {
        this.settings = settings;
        this.interactive = interactive;
    }

    /**
     * Starts a stack from the same options as the command line (for example {@code --data DIR --kafka-port N
     * --no-seed}) and returns it running; for system tests. {@link #stop()} stops it.
     */
    public static LocalStack launch(String... args) throws Exception {
        LocalStack stack = new LocalStack(StackSettings.from(args, System.getenv()), false);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (Exception e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    /** Base URL of a service, for example {@code http://127.0.0.1:8081} for {@code cluster-service}. */
    public String baseUrl(String service) {
        return service(service).spec().baseUrl();
    }

    /**
     * Base URL of one instance of a service (0 to {@link #replicas()} - 1): instance i listens on the service's
     * port + 100 * i, for example {@code http://127.0.0.1:8181} for instance 1 of {@code cluster-service}.
     */
    public String baseUrl(String service, int instance) {
        return service(service, instance).spec().baseUrl();
    }

    /** How many instances of each service this stack runs ({@code --replicas}, 1 unless given). */
    public int replicas() {
        return settings.replicas();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /**
     * The issuer the services trust, to sign tokens of one's own (other subjects, roles or lifetimes). Its
     * {@code token(...)} methods give tokens every service of this stack accepts.
     */
    public TokenIssuer tokenIssuer() {
        return tokens.issuer();
    }

    /**
     * The token issued at start for a role ({@link TokenIssuer#READER}, {@link TokenIssuer#EDITOR} or
     * {@link TokenIssuer#ADMIN}), valid for {@link #TOKEN_LIFETIME}; the admin's holds all three roles, the
     * editor's reader and editor.
     */
    public String token(String role) {
        return tokens.token(role);
    }

    /** The subject of the token issued for a role ({@code local-reader}, {@code local-editor}, {@code local-admin}). */
    public static String subject(String role) {
        String subject = StackTokens.SUBJECTS.get(role);
        if (subject == null) {
            throw new IllegalArgumentException("no role " + role);
        }
        return subject;
    }

    /** The file the token of a role is written to, {@code <data>/tokens/<role>.jwt}. */
    public Path tokenFile(String role) {
        return tokens.tokenFile(role);
    }

    /** Every token this stack signed since it started (the role tokens and the seed import's). */
    public List<String> issuedTokens() {
        return tokens.issued();
    }

    /** The folder of the key pair ({@code public-key.pem}, {@code private-key.pem}, {@code issuer}). */
    public Path keyDirectory() {
        return tokens.keyDirectory();
    }

    /** The file a service's output goes to, {@code <data>/logs/<service>.log}. */
    public Path logFile(String service) {
        return service(service).log();
    }

    /** The file an instance's output goes to: {@code <data>/logs/<service>.log} for 0, {@code <service>-<i>.log}. */
    public Path logFile(String service, int instance) {
        return service(service, instance).log();
    }

    /** The process id of an instance of a service. */
    public long pid(String service, int instance) {
        return service(service, instance).pid();
    }

    public Path dataDirectory() {
        return settings.dataDir();
    }

    /** Takes the broker away (its data stays), as an outage would. */
    public void stopBroker() {
        kafka.stop();
    }

    public void startBroker() {
        kafka.start();
    }

    /** Kills a service (its instance 0) with SIGKILL: no shutdown hooks, no chance to finish anything. */
    public void killService(String service) throws InterruptedException {
        killService(service, 0);
    }

    /** Kills one instance of a service with SIGKILL. */
    public void killService(String service, int instance) throws InterruptedException {
        service(service, instance).kill();
    }

    /** Starts a stopped service (its instance 0) again and waits until it is ready. */
    public void restartService(String service) throws Exception {
        restartService(service, 0);
    }

    /** Starts a stopped instance of a service again and waits until it is ready. */
    public void restartService(String service, int instance) throws Exception {
        ServiceProcess process = service(service, instance);
        process.start(serviceProperties(process.spec()));
        if (!process.awaitReady(Duration.ofMinutes(3))) {
            throw new StackException(process.spec().label() + " did not become ready again:"
                    + System.lineSeparator() + process.tail(30));
        }
    }

    private ServiceProcess service(String name) {
        return service(name, 0);
    }

    private ServiceProcess service(String name, int instance) {
        return services.stream().filter(s -> s.spec().name().equals(name) && s.spec().instance() == instance)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no service " + name
                        + (instance == 0 ? "" : " instance " + instance)));
    }

    public static void main(String[] args) throws Exception {
        StackSettings settings;
        try {
            settings = StackSettings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            if (!"help".equals(e.getMessage())) {
                OUT.println(e.getMessage());
            }
            OUT.println(StackSettings.usage());
            System.exit("help".equals(e.getMessage()) ? 0 : 2);
            return;
        }
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));

        LocalStack stack = new LocalStack(settings, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (Exception e) {
            OUT.println();
            OUT.println("ERROR: " + (e instanceof StackException ? e.getMessage() : e.toString()));
            System.exit(1);
        }
        if (settings.aotTrain()) {
            stack.endTraining();
            System.exit(0);
        }
        OUT.println("Press Ctrl-C to stop everything.");
        stopped.await();
    }

    /**
     * The end of a training run: every service is read the way the dashboard reads it, then the stack stops, each
     * training JVM writing its AOT cache on its way out.
     */
    private void endTraining() throws Exception {
        List<ServiceProcess> trained = new ArrayList<>(services);
        if (dashboard != null) {
            trained.add(dashboard);
        }
        if (trained.stream().noneMatch(ServiceProcess::training)) {
            OUT.printf("%nNo training run: it needs a Java %d+ JDK (this one or one under /usr/lib/jvm).%n",
                    ServiceProcess.AOT_JDK);
            stop();
            return;
        }
        OUT.printf("%nTraining: reading every service, then stopping (each JVM writes its AOT cache as it stops)%n");
        new TrainingReads(tokens.roleTokens().get("registry-reader"), settings).run();
        stop();
        awaitCacheAssembly(Duration.ofMinutes(5));
        for (ServiceProcess process : trained) {
            OUT.printf("  %-18s %s%n", process.spec().label(), process.aotCache()
                    .map(cache -> cache + " (" + sizeMb(cache) + " MB)").orElse("no AOT cache written"));
        }
    }

    /**
     * A training JVM hands the writing of its cache to a JVM of its own as it exits (JEP 514), which may outlive
     * it: waits until no such JVM runs any more.
     */
    private static void awaitCacheAssembly(Duration timeout) {
        CompletableFuture<?>[] writers = ProcessHandle.allProcesses().filter(process -> process.info().arguments()
                .map(arguments -> Arrays.stream(arguments).anyMatch(argument ->
                        argument.startsWith("-XX:AOTCacheOutput=") || argument.startsWith("-XX:AOTMode=create")))
                .orElse(false)).map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(writers).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            OUT.println("  (a JVM writing an AOT cache did not end within " + timeout.toMinutes() + " minutes)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long sizeMb(Path file) {
        try {
            return Files.size(file) / (1024 * 1024);
        } catch (IOException e) {
            return 0;
        }
    }

    private void start() throws Exception {
        long begin = System.nanoTime();
        Files.createDirectories(settings.dataDir());
        acquireLock();
        checkPortsFree();
        OUT.printf("ClusterBridge local stack, data in %s%n", settings.dataDir());
        tokens = StackTokens.open(settings.dataDir());
        if (!settings.keycloak()) {
            OUT.printf("  token issuer %s: %s key pair in %s%n", tokens.issuer().issuer(),
                    tokens.created() ? "new" : "existing", tokens.keyDirectory());
        }

        Path logs = settings.dataDir().resolve("logs");
        if (settings.keycloak()) {
            // It takes longest to start: it boots while the stores do, and the services wait for it.
            keycloak = new KeycloakServer(settings.root(), settings.dataDir(), settings.keycloakPort(),
                    settings.keycloakManagementPort(), settings.dashboard().baseUrl(), logs);
            keycloak.start();
            OUT.printf("  launched Keycloak for %s (realm %s; logs in %s)%n", keycloak.origin(),
                    KeycloakServer.REALM, keycloak.log());
        }
        // The stack's own tokens need only its key pair: written first, the dashboard (which reads the services
        // with the reader's, and only when someone opens a page) starts before the stores, as it takes longest.
        // Keycloak's tokens come from its clients once the services are up.
        if (keycloak == null) {
            tokens.issueRoleTokens();
            launchDashboard(logs);
        }
        step("Kafka (KRaft) on 127.0.0.1:" + settings.kafkaPort(), () -> {
            kafka = new KafkaBroker(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                    settings.kafkaControllerPort(), false).start();
        });
        step("PostgreSQL on 127.0.0.1:" + settings.postgresPort(), () -> {
            postgres = new PostgresServer(settings.dataDir().resolve("postgres"), settings.postgresPort(), false)
                    .start();
            settings.services().stream().filter(s -> s.store().equals("postgresql"))
                    .forEach(s -> postgres.database(s.database()));
        });
        step("MongoDB-wire server on 127.0.0.1:" + settings.mongoPort(), () -> {
            mongo = MongoWireServer.persistent(settings.dataDir().resolve("mongo.mv"), settings.mongoPort()).start();
        });

        if (keycloak != null) {
            long started = System.nanoTime();
            if (!keycloak.awaitReady(Duration.ofMinutes(3))) {
                throw new StackException("Keycloak did not become ready; last lines of " + keycloak.log() + ":"
                        + System.lineSeparator() + keycloak.tail(30));
            }
            OUT.printf("  %-18s ready on %s (%s)%n", "keycloak", keycloak.origin(), seconds(started));
        }
        // Instance 0 of each service first (it migrates the schema), then the others, which share its database
        // and its consumer group.
        for (int instance = 0; instance < settings.replicas(); instance++) {
            List<ServiceProcess> wave = new ArrayList<>();
            for (ServiceSpec base : settings.services()) {
                ServiceSpec spec = base.replica(instance);
                ServiceProcess service = new ServiceProcess(spec, settings.root(), logs, settings.aotTrain());
                services.add(service);
                wave.add(service);
                service.start(serviceProperties(spec));
            }
            OUT.printf("  starting %s (logs in %s)%n",
                    String.join(", ", wave.stream().map(s -> s.spec().label()).toList()), logs);
            for (ServiceProcess service : wave) {
                long started = System.nanoTime();
                if (!service.awaitReady(Duration.ofMinutes(3))) {
                    throw new StackException(service.spec().label() + " did not become ready; last lines of "
                            + service.log() + ":" + System.lineSeparator() + service.tail(30));
                }
                OUT.printf("  %-18s ready on %s (%s)%n", service.spec().label(), service.spec().baseUrl(),
                        seconds(started));
            }
        }

        if (keycloak != null) {
            adoptKeycloakTokens();
            // It starts while the seed loads.
            launchDashboard(logs);
        }
        if (settings.seed()) {
            seed();
        }
        awaitDashboard();
        OUT.printf("%nUp in %s.%n", seconds(begin));
        printUrls();
        printTokens();
        printDashboard();
    }

    /**
     * The dashboard reads the services with the reader token the stack wrote, and signs people in with the one-time
     * link it writes to {@code <data>/dashboard.url}. Left out when it is not built (a stack of the services only).
     */
    private void launchDashboard(Path logs) throws Exception {
        ServiceProcess process = new ServiceProcess(settings.dashboard(), settings.root(), logs, settings.aotTrain());
        if (!process.built()) {
            return;
        }
        Files.deleteIfExists(dashboardLinkFile());
        dashboard = process;
        dashboardLaunched = System.nanoTime();
        process.start(dashboardProperties());
    }

    private void awaitDashboard() throws Exception {
        if (dashboard == null) {
            return;
        }
        ServiceProcess process = dashboard;
        long started = dashboardLaunched;
        if (!process.awaitReady(Duration.ofMinutes(2))) {
            throw new StackException("the dashboard did not become ready; last lines of " + process.log() + ":"
                    + System.lineSeparator() + process.tail(30));
        }
        OUT.printf("  %-18s ready on %s (%s)%n", "dashboard", settings.dashboard().baseUrl(), seconds(started));
    }

    private List<String> dashboardProperties() {
        List<String> properties = new ArrayList<>();
        properties.add("-Dquarkus.http.port=" + settings.dashboard().port());
        properties.add("-Dquarkus.http.host=127.0.0.1");
        for (ServiceSpec service : settings.services()) {
            properties.add("-Ddashboard.registry." + service.name() + "=" + service.baseUrl());
        }
        properties.add("-Ddashboard.sign-in.public-url=" + settings.dashboard().baseUrl());
        if (keycloak != null) {
            // Sign-in on Keycloak's page, reads with the dashboard client's own service account.
            properties.add("-Dquarkus.oidc.tenant-enabled=true");
            properties.add("-Dquarkus.oidc.auth-server-url=" + keycloak.realmUrl());
            properties.add("-Dquarkus.oidc.credentials.secret=" + keycloak.clientSecret(DASHBOARD_CLIENT));
            properties.add("-Ddashboard.csp.form-action='self' " + keycloak.origin());
        } else {
            properties.add("-Ddashboard.registry.token-file=" + tokens.tokenFile(TokenIssuer.READER).toAbsolutePath());
            properties.add("-Ddashboard.sign-in.link-file=" + dashboardLinkFile().toAbsolutePath());
        }
        return properties;
    }

    /** The realm's client whose service account holds each role (the dashboard's is the reader). */
    static final String DASHBOARD_CLIENT = "dashboard";
    private static final Map<String, String> KEYCLOAK_CLIENTS = StackTokens.ordered(TokenIssuer.READER,
            DASHBOARD_CLIENT, TokenIssuer.EDITOR, "partner-system", TokenIssuer.ADMIN, "registry-admin-cli");

    /** The token files hold Keycloak's client-credentials tokens, one per role, instead of the stack's own. */
    private void adoptKeycloakTokens() throws IOException, InterruptedException {
        Map<String, String> byRole = new java.util.LinkedHashMap<>();
        java.time.Instant expiry = null;
        for (Map.Entry<String, String> role : KEYCLOAK_CLIENTS.entrySet()) {
            KeycloakServer.Token token = keycloak.clientToken(role.getValue());
            byRole.put(role.getKey(), token.accessToken());
            expiry = expiry == null || token.expiresAt().isBefore(expiry) ? token.expiresAt() : expiry;
        }
        tokens.adopt(byRole, expiry);
    }

    /** The realm's address (the tokens' issuer) with --keycloak, or null. */
    public String keycloakRealmUrl() {
        return keycloak == null ? null : keycloak.realmUrl();
    }

    /** A new client-credentials token from Keycloak for a client of the realm (with --keycloak only). */
    public String keycloakToken(String clientId) throws IOException, InterruptedException {
        if (keycloak == null) {
            throw new IllegalStateException("this stack runs without Keycloak (--keycloak)");
        }
        return keycloak.clientToken(clientId).accessToken();
    }

    /** The file the dashboard writes its one-time sign-in link to. */
    public Path dashboardLinkFile() {
        return settings.dataDir().resolve("dashboard.url");
    }

    /** The dashboard's address, or null when this stack runs without it (not built). */
    public String dashboardUrl() {
        return dashboard == null ? null : settings.dashboard().baseUrl();
    }

    /** The current one-time sign-in link (a new one after each use), or null without a dashboard. */
    public String dashboardSignInLink() throws IOException {
        return dashboard == null || keycloak != null ? null : Files.readString(dashboardLinkFile(), StandardCharsets.US_ASCII).trim();
    }

    private void printDashboard() throws IOException {
        OUT.println();
        if (dashboard == null) {
            OUT.println("Dashboard: not built (./mvnw -B -DskipTests install builds it).");
            return;
        }
        if (keycloak != null) {
            OUT.printf("Dashboard %s: sign in on Keycloak's page as dashboard-reader (temporary password "
                    + "dev-only-reader-password; Keycloak asks for a new one, kept until the next start).%n",
                    settings.dashboard().baseUrl());
            OUT.printf("  Keycloak %s (admin console %s/admin, admin / admin), realm %s%n", keycloak.origin(),
                    keycloak.origin(), KeycloakServer.REALM);
            return;
        }
        OUT.printf("Dashboard %s: sign in with this one-time link (a new one is written to %s after each use):%n",
                settings.dashboard().baseUrl(), shown(dashboardLinkFile()));
        OUT.printf("  %s%n", interactive ? dashboardSignInLink() : "(in " + shown(dashboardLinkFile()) + ")");
    }

    private void seed() throws IOException, InterruptedException {
        OUT.println("Loading the seed data through the APIs:");
        String clusterUrl = settings.services().get(0).baseUrl();
        SeedImporter importer = new SeedImporter(clusterUrl, tokens.seedToken(), Duration.ofSeconds(60));
        List<SeedImporter.Outcome> outcomes = List.of(
                importer.load("clusters", "clusters.json", clusterUrl + "/api/clusters"),
                importer.load("agreements", "agreements.json", settings.services().get(1).baseUrl() + "/api/agreements"),
                importer.load("funding figures", "funding-figures.json",
                        settings.services().get(2).baseUrl() + "/api/funding-figures"));
        for (SeedImporter.Outcome outcome : outcomes) {
            OUT.printf("  %-16s %3d loaded (%d new, %d already there%s)%n", outcome.what(), outcome.total(),
                    outcome.created(), outcome.existing(), outcome.failed() > 0 ? ", " + outcome.failed() + " refused" : "");
        }
    }

    private void printUrls() {
        OUT.println();
        OUT.printf("  %-18s %-24s %-38s %s%n", "service", "API", "Swagger UI", "health");
        for (ServiceSpec spec : settings.instances()) {
            OUT.printf("  %-18s %-24s %-38s %s%n", spec.label(), spec.baseUrl() + "/api",
                    spec.baseUrl() + "/q/swagger-ui", spec.baseUrl() + "/q/health");
        }
        if (settings.replicas() > 1) {
            OUT.printf("  %d instances of each service (instance i on its port + %d * i); the instances of a service "
                    + "share its database and its Kafka consumer group%n", settings.replicas(),
                    StackSettings.PORT_STEP);
        }
        OUT.printf("  Kafka %s, PostgreSQL jdbc:postgresql://127.0.0.1:%d (user postgres), MongoDB %s%n",
                kafka.bootstrapServers(), settings.postgresPort(), mongo.connectionString());
    }

    /** The tokens' files (and, on the command line, the tokens), with a curl line that uses one. */
    private void printTokens() {
        String until = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
                .format(tokens.expiresAt().atZone(ZoneId.systemDefault()));
        OUT.println();
        if (keycloak != null) {
            OUT.printf("Bearer tokens from Keycloak (issuer %s, audience %s), valid until %s; a new one for a partner "
                    + "system (registry-editor):%n", keycloak.realmUrl(), TokenIssuer.AUDIENCE, until);
            OUT.printf("  curl -s %s/protocol/openid-connect/token -d grant_type=client_credentials "
                    + "-d client_id=partner-system -d client_secret=%s | jq -r .access_token%n", keycloak.realmUrl(),
                    keycloak.clientSecret("partner-system"));
            KEYCLOAK_CLIENTS.forEach((role, client) -> OUT.printf("  %-16s client %-19s %s%n", role, client,
                    shown(tokens.tokenFile(role))));
            return;
        }
        OUT.printf("Bearer tokens (every /api request needs one; issuer %s, audience %s), valid %d hours, until %s;"
                + "%n  new ones on each start:%n", tokens.issuer().issuer(), TokenIssuer.AUDIENCE,
                StackTokens.LIFETIME.toHours(), until);
        for (Map.Entry<String, String> role : StackTokens.SUBJECTS.entrySet()) {
            OUT.printf("  %-16s subject %-13s %-38s %s%n", role.getKey(), role.getValue(),
                    StackTokens.ABILITIES.get(role.getKey()), shown(tokens.tokenFile(role.getKey())));
            if (interactive) {
                OUT.printf("    %s%n", tokens.token(role.getKey()));
            }
        }
        ServiceSpec cluster = settings.services().get(0);
        OUT.printf("  curl -H \"Authorization: Bearer $(cat %s)\" %s/api/clusters%n",
                shown(tokens.tokenFile(TokenIssuer.READER)), cluster.baseUrl());
    }

    /** A path as short as it can be for the current folder. */
    private static String shown(Path path) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    private List<String> serviceProperties(ServiceSpec spec) {
        List<String> properties = new ArrayList<>();
        properties.add("-Dquarkus.http.port=" + spec.port());
        if (keycloak != null) {
            properties.add("-Dmp.jwt.verify.publickey.location=" + keycloak.jwksUrl());
            properties.add("-Dmp.jwt.verify.issuer=" + keycloak.realmUrl());
            properties.add("-Dmp.jwt.verify.audiences=" + TokenIssuer.AUDIENCE);
        } else {
            properties.addAll(tokens.verificationProperties());
        }
        properties.add("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        if (spec.store().equals("postgresql")) {
            properties.add("-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/"
                    + spec.database());
            properties.add("-Dquarkus.datasource.username=" + PostgresServer.USER);
            properties.add("-Dquarkus.datasource.password=" + PostgresServer.PASSWORD);
        } else {
            properties.add("-Dquarkus.mongodb.connection-string=" + mongo.connectionString());
        }
        return properties;
    }

    /** Stops what was started, services first; safe to call more than once. */
    public synchronized void stop() {
        if (lock == null) {
            return;
        }
        OUT.println();
        OUT.println("Stopping the local stack...");
        if (dashboard != null) {
            dashboard.stop();
            dashboard = null;
        }
        services.parallelStream().forEach(ServiceProcess::stop);
        services.clear();
        if (keycloak != null) {
            keycloak.stop();
            keycloak = null;
        }
        quietly(() -> mongo.stop(), mongo);
        quietly(() -> kafka.stop(), kafka);
        quietly(() -> postgres.stop(), postgres);
        try {
            lock.release();
            lockChannel.close();
            Files.deleteIfExists(lockFile());
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
        lock = null;
        OUT.println("Stopped.");
    }

    private void acquireLock() throws IOException {
        lockChannel = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        lock = lockChannel.tryLock();
        if (lock == null) {
            String owner = Files.readString(lockFile(), StandardCharsets.UTF_8).trim();
            lockChannel.close();
            throw new StackException("a local stack is already running on " + settings.dataDir()
                    + (owner.isEmpty() ? "" : " (" + owner + ")")
                    + ". Stop it with Ctrl-C in its terminal, or start another one with --data DIR and other ports.");
        }
        lockChannel.truncate(0);
        lockChannel.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid())
                .getBytes(StandardCharsets.UTF_8)));
    }

    private Path lockFile() {
        return settings.dataDir().resolve("local-stack.lock");
    }

    private void checkPortsFree() {
        List<String> busy = new ArrayList<>();
        check(busy, "Kafka", "--kafka-port", settings.kafkaPort());
        check(busy, "the Kafka controller", "--kafka-controller-port", settings.kafkaControllerPort());
        check(busy, "PostgreSQL", "--postgres-port", settings.postgresPort());
        check(busy, "MongoDB", "--mongo-port", settings.mongoPort());
        settings.instances().forEach(s -> check(busy, s.label(), "--" + s.name() + "-port", s.port()));
        if (settings.keycloak()) {
            check(busy, "Keycloak", "--keycloak-port", settings.keycloakPort());
            check(busy, "Keycloak's management", "--keycloak-management-port", settings.keycloakManagementPort());
        }
        if (new ServiceProcess(settings.dashboard(), settings.root(), settings.dataDir()).built()) {
            check(busy, "the dashboard", "--dashboard-port", settings.dashboard().port());
        }
        if (!busy.isEmpty()) {
            throw new StackException("ports in use by another program:" + System.lineSeparator() + "  "
                    + String.join(System.lineSeparator() + "  ", busy));
        }
    }

    private static void check(List<String> busy, String what, String flag, int port) {
        if (LoopbackPorts.inUse(port)) {
            busy.add(port + " (" + what + "): choose another with " + flag);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(String what, Step step) {
        long started = System.nanoTime();
        OUT.printf("  starting %s ... ", what);
        try {
            step.run();
        } catch (Exception e) {
            OUT.println("failed");
            throw new StackException(what + " did not start: " + e.getMessage());
        }
        OUT.printf("ready (%s)%n", seconds(started));
    }

    private static void quietly(Runnable action, Object target) {
        if (target == null) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            OUT.println("  (while stopping: " + e.getMessage() + ")");
        }
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    public static final class StackException extends RuntimeException {
        StackException(String message) {
            super(message);
        }
    }
}

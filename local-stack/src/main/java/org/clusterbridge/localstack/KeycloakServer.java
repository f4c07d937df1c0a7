package org.clusterbridge.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Keycloak for {@code ./local-stack.sh --keycloak}, so the identity path of docker compose runs on one machine: the
 * distribution from Maven Central ({@code org.keycloak:keycloak-quarkus-dist}, which the build copies to
 * {@code local-stack/target/keycloak/}), unpacked once into {@code <data>/keycloak/}, started in development mode
 * ({@code kc.sh start-dev}) on a Java 21+ JDK. At every start it imports {@code deploy/keycloak/clusterbridge-realm.json}
 * afresh (development data is not kept), with the dashboard's addresses changed to this stack's dashboard.
 */
final class KeycloakServer {

    static final String REALM = "clusterbridge";
    /** The dashboard's address in the realm file (docker compose publishes it there). */
    static final String REALM_FILE_DASHBOARD = "http://localhost:8080";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path home;
    private final int port;
    private final int managementPort;
    private final String dashboardUrl;
    private final ChildProcess process;
    private JsonNode realm;

    KeycloakServer(Path root, Path dataDir, int port, int managementPort, String dashboardUrl, Path logDir) {
        this.root = root;
        this.home = dataDir.resolve("keycloak");
        this.port = port;
        this.managementPort = managementPort;
        this.dashboardUrl = dashboardUrl;
        this.process = new ChildProcess(logDir.resolve("keycloak.log"));
    }

    /** The origin people's browsers and the services use, which is also the tokens' issuer's. */
    String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's address: the issuer of its tokens, and where quarkus-oidc discovers the rest. */
    String realmUrl() {
        return origin() + "/realms/" + REALM;
    }

    String jwksUrl() {
        return realmUrl() + "/protocol/openid-connect/certs";
    }

    Path log() {
        return process.log();
    }

    /** Unpacks the distribution if needed and starts it; {@link #awaitReady} tells when the realm answers. */
    void start() throws IOException {
        Path distribution = unpacked();
        Path realmFile = root.resolve("deploy/keycloak/clusterbridge-realm.json");
        String text = Files.readString(realmFile, StandardCharsets.UTF_8).replace(REALM_FILE_DASHBOARD, dashboardUrl);
        realm = JSON.readTree(text);
        deleteRecursively(distribution.resolve("data/h2"));
        Path imports = Files.createDirectories(distribution.resolve("data/import"));
        Files.writeString(imports.resolve(REALM + "-realm.json"), text, StandardCharsets.UTF_8);
        List<String> command = List.of("bash", distribution.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + origin(),
                "--http-management-port=" + managementPort, "--health-enabled=true");
        ProcessBuilder builder = new ProcessBuilder(command).directory(distribution.toFile());
        builder.environment().put("JAVA_HOME", javaHome().toString());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        process.start(builder);
    }

    /** Waits until the realm's discovery document answers; false when Keycloak died or time ran out. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        return process.awaitOk(URI.create(realmUrl() + "/.well-known/openid-configuration"), timeout,
                Duration.ofMillis(500));
    }

    /** The secret of a confidential client of the imported realm (development values, in the realm file). */
    String clientSecret(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client.path("secret").asText();
            }
        }
        throw new IllegalArgumentException("the realm has no client " + clientId);
    }

    /** A token of a client's service account (client credentials grant), and when it expires. */
    record Token(String accessToken, Instant expiresAt) {
    }

    Token clientToken(String clientId) throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret(clientId), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new LocalStack.StackException("Keycloak refused a token for " + clientId + ": "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Token(body.path("access_token").asText(),
                Instant.now().plusSeconds(body.path("expires_in").asLong()));
    }

    String tail(int lines) {
        return process.tail(lines);
    }

    void stop() {
        process.stop(Duration.ofSeconds(20));
    }

    /** {@code <data>/keycloak/keycloak-<version>/}, unpacked from the distribution the build copied. */
    private Path unpacked() throws IOException {
        Path zip = distributionZip();
        String name = zip.getFileName().toString().replace("keycloak-quarkus-dist-", "keycloak-")
                .replace(".zip", "");
        Path target = home.resolve(name);
        Path marker = home.resolve(name + ".unpacked");
        if (Files.exists(marker)) {
            return target;
        }
        deleteRecursively(target);
        Files.createDirectories(home);
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path out = home.resolve(entry.getName()).normalize();
                if (!out.startsWith(home)) {
                    throw new IOException("unexpected entry " + entry.getName() + " in " + zip);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (out.getFileName().toString().endsWith(".sh")) {
                    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
        if (!Files.isDirectory(target)) {
            throw new LocalStack.StackException(zip + " did not hold " + name + "/");
        }
        Files.createFile(marker);
        return target;
    }

    private Path distributionZip() throws IOException {
        Path folder = root.resolve("local-stack/target/keycloak");
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> zips = Files.newDirectoryStream(folder, "keycloak-quarkus-dist-*.zip")) {
                for (Path zip : zips) {
                    return zip;
                }
            }
        }
        throw new LocalStack.StackException("no Keycloak distribution in " + folder
                + ": build the local stack (./mvnw -B -DskipTests -pl local-stack package) to copy it there");
    }

    /**
     * Keycloak 26 needs Java 21 or later: {@code CLUSTERBRIDGE_KEYCLOAK_JAVA_HOME}, else this JVM when it is recent
     * enough, else the newest such JDK under /usr/lib/jvm.
     */
    static Path javaHome() {
        String configured = System.getenv("CLUSTERBRIDGE_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Jdks.atLeast(21).orElseThrow(() -> new LocalStack.StackException("Keycloak needs a Java 21+ JDK: "
                + "none under /usr/lib/jvm; set CLUSTERBRIDGE_KEYCLOAK_JAVA_HOME"));
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

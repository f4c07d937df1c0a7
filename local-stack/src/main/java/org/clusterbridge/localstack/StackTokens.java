package org.clusterbridge.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clusterbridge.embedded.TokenIssuer;

/**
 * The local stack's own identity provider: an RSA key pair kept in {@code <data>/jwt/} (made on the first start,
 * reused afterwards), whose public key and issuer the services are started with, and the bearer tokens it signs.
 * Each start issues one token per role into {@code <data>/tokens/<role>.jwt}, readable by the owner only. The
 * private key never leaves its file: nothing here prints or logs it.
 */
final class StackTokens {

    /** The issuer ({@code iss}) of a new key pair; a saved pair keeps the issuer it was saved with. */
    static final String ISSUER = "https://local-stack.clusterbridge.org";
    /** How long the tokens issued at start stay valid. */
    static final Duration LIFETIME = Duration.ofHours(12);
    /** Who the seed importer writes as (reader and editor, for one hour, never written to disk). */
    static final String SEED_SUBJECT = "local-stack-seed-import";

    /** Role -> subject of its token; each token holds its role and the ones below it. */
    static final Map<String, String> SUBJECTS = ordered(TokenIssuer.READER, "local-reader", TokenIssuer.EDITOR,
            "local-editor", TokenIssuer.ADMIN, "local-admin");
    /** Role -> what a holder of its token may do, for the summary. */
    static final Map<String, String> ABILITIES = ordered(TokenIssuer.READER, "reads",
            TokenIssuer.EDITOR, "+ registers, updates",
            TokenIssuer.ADMIN, "+ retires, terminates, rebuilds views");

    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path keyDir;
    private final Path tokenDir;
    private final TokenIssuer issuer;
    private final boolean created;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final List<String> issued = Collections.synchronizedList(new ArrayList<>());
    private Instant expiresAt;
    private boolean adopted;

    private StackTokens(Path keyDir, Path tokenDir, TokenIssuer issuer, boolean created) {
        this.keyDir = keyDir;
        this.tokenDir = tokenDir;
        this.issuer = issuer;
        this.created = created;
    }

    /** The key pair in {@code <dataDir>/jwt/}, made and saved there when there is none yet. */
    static StackTokens open(Path dataDir) {
        Path keys = dataDir.resolve("jwt");
        Path tokens = dataDir.resolve("tokens");
        boolean complete = Files.isRegularFile(keys.resolve(TokenIssuer.PUBLIC_KEY_FILE))
                && Files.isRegularFile(keys.resolve(TokenIssuer.PRIVATE_KEY_FILE))
                && Files.isRegularFile(keys.resolve(TokenIssuer.ISSUER_FILE));
        if (complete) {
            try {
                return new StackTokens(keys, tokens, TokenIssuer.load(keys), false);
            } catch (RuntimeException e) {
                throw new LocalStack.StackException("the token key pair in " + keys + " cannot be read ("
                        + e.getMessage() + "). Delete that folder to have a new pair made (tokens issued with the old "
                        + "one stop working).");
            }
        }
        ownerOnlyDirectory(keys);
        return new StackTokens(keys, tokens, TokenIssuer.generate(ISSUER).save(keys), true);
    }

    /** True when this start made the key pair (the first start on this data folder). */
    boolean created() {
        return created;
    }

    TokenIssuer issuer() {
        return issuer;
    }

    Path keyDirectory() {
        return keyDir;
    }

    Path publicKey() {
        return keyDir.resolve(TokenIssuer.PUBLIC_KEY_FILE).toAbsolutePath();
    }

    /** What a service needs to verify the tokens: the public key, the issuer and the audience. */
    List<String> verificationProperties() {
        return List.of("-Dmp.jwt.verify.publickey.location=file:" + publicKey(),
                "-Dmp.jwt.verify.issuer=" + issuer.issuer(),
                "-Dmp.jwt.verify.audiences=" + TokenIssuer.AUDIENCE);
    }

    /** Signs one token per role for {@link #LIFETIME} and writes each to {@code <data>/tokens/<role>.jwt}. */
    void issueRoleTokens() {
        ownerOnlyDirectory(tokenDir);
        Instant now = Instant.now();
        Set<String> roles = new LinkedHashSet<>();
        for (Map.Entry<String, String> role : SUBJECTS.entrySet()) {
            roles.add(role.getKey());
            String token = issuer.token(role.getValue(), Set.copyOf(roles), LIFETIME);
            writeOwnerOnly(tokenFile(role.getKey()), token + "\n");
            tokens.put(role.getKey(), token);
            issued.add(token);
        }
        expiresAt = now.plus(LIFETIME);
    }

    /**
     * Takes tokens issued elsewhere (Keycloak's, one per role) in place of this stack's own, writes them to the
     * same files, and uses the editor's for the seed import.
     */
    void adopt(Map<String, String> byRole, Instant expiry) {
        ownerOnlyDirectory(tokenDir);
        for (String role : SUBJECTS.keySet()) {
            String token = byRole.get(role);
            writeOwnerOnly(tokenFile(role), token + "\n");
            tokens.put(role, token);
            issued.add(token);
        }
        expiresAt = expiry;
        adopted = true;
    }

    /** A short-lived editor token for the seed import. */
    String seedToken() {
        if (adopted) {
            return tokens.get(TokenIssuer.EDITOR);
        }
        String token = issuer.token(SEED_SUBJECT, Set.of(TokenIssuer.READER, TokenIssuer.EDITOR),
                Duration.ofHours(1));
        issued.add(token);
        return token;
    }

    /** The token issued at start for {@code role} ({@link TokenIssuer#READER}, ...). */
    String token(String role) {
        String token = tokens.get(role);
        if (token == null) {
            throw new IllegalArgumentException("no token for role " + role + "; roles: " + SUBJECTS.keySet());
        }
        return token;
    }

    Map<String, String> roleTokens() {
        return Collections.unmodifiableMap(tokens);
    }

    /** Every token this stack signed since it started, the seed import's included. */
    List<String> issued() {
        synchronized (issued) {
            return List.copyOf(issued);
        }
    }

    Path tokenFile(String role) {
        return tokenDir.resolve(role + ".jwt");
    }

    Instant expiresAt() {
        return expiresAt;
    }

    private static void ownerOnlyDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the data folder's own protection has to do.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
    }

    /** Written to a file that is owner-only before it holds anything, then moved into place. */
    private static void writeOwnerOnly(Path file, String content) {
        try {
            Path temporary;
            try {
                temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } catch (UnsupportedOperationException e) {
                temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            }
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}

package org.clusterbridge.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Issues RS256 bearer tokens the way an identity provider would, for tests and the local stack. The services
 * only ever see the public key ({@link #PUBLIC_KEY_FILE}) and the issuer; verification is SmallRye JWT's.
 */
public final class TokenIssuer {

    public static final String READER = "registry-reader";
    public static final String EDITOR = "registry-editor";
    public static final String ADMIN = "registry-admin";
    /** The audience every ClusterBridge service expects. */
    public static final String AUDIENCE = "clusterbridge";

    public static final String PUBLIC_KEY_FILE = "public-key.pem";
    public static final String PRIVATE_KEY_FILE = "private-key.pem";
    public static final String ISSUER_FILE = "issuer";

    private final KeyPair keys;
    private final String issuer;
    private final String keyId;

    private TokenIssuer(KeyPair keys, String issuer, String keyId) {
        this.keys = keys;
        this.issuer = issuer;
        this.keyId = keyId;
    }

    /** A new 2048-bit RSA key pair for {@code issuer}. */
    public static TokenIssuer generate(String issuer) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new TokenIssuer(generator.generateKeyPair(), issuer, UUID.randomUUID().toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key pair", e);
        }
    }

    /** The issuer saved in {@code dir} by {@link #save}. */
    public static TokenIssuer load(Path dir) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(dir.resolve(PRIVATE_KEY_FILE))));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(pem(dir.resolve(PUBLIC_KEY_FILE))));
            List<String> issuerLines = Files.readAllLines(dir.resolve(ISSUER_FILE), StandardCharsets.UTF_8);
            return new TokenIssuer(new KeyPair(publicKey, privateKey), issuerLines.get(0), issuerLines.get(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the token issuer in " + dir, e);
        } catch (GeneralSecurityException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("the token issuer in " + dir + " is damaged", e);
        }
    }

    /** Writes the key pair (the private key readable by the owner only) and the issuer into {@code dir}. */
    public TokenIssuer save(Path dir) {
        try {
            Files.createDirectories(dir);
            write(dir.resolve(PUBLIC_KEY_FILE), "PUBLIC KEY", keys.getPublic().getEncoded(), false);
            write(dir.resolve(PRIVATE_KEY_FILE), "PRIVATE KEY", keys.getPrivate().getEncoded(), true);
            Path issuerFile = dir.resolve(ISSUER_FILE);
            Path temporary = Files.createTempFile(dir, ISSUER_FILE, ".tmp");
            Files.writeString(temporary, issuer + "\n" + keyId + "\n");
            Files.move(temporary, issuerFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the token issuer in " + dir, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** The same key pair under another issuer name: its tokens must be refused. */
    public TokenIssuer withIssuer(String otherIssuer) {
        return new TokenIssuer(keys, otherIssuer, keyId);
    }

    /** A token for {@code subject} holding {@code roles}, valid from now for {@code lifetime}. */
    public String token(String subject, Set<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        return sign(subject, roles, now, now.plus(lifetime));
    }

    /** A token for one hour. */
    public String token(String subject, String... roles) {
        return token(subject, Set.of(roles), Duration.ofHours(1));
    }

    /** A token that expired ten minutes ago, well outside any clock skew a verifier allows. */
    public String expired(String subject, String... roles) {
        Instant now = Instant.now();
        return sign(subject, Set.of(roles), now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(10)));
    }

    private String sign(String subject, Set<String> roles, Instant issuedAt, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setAudience(AUDIENCE);
        claims.setClaim("preferred_username", subject);
        claims.setStringListClaim("groups", roles.stream().sorted().toList());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static void write(Path file, String type, byte[] der, boolean secret) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        if (secret) {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's own permissions have to do.
            }
        }
        Files.writeString(temporary, pem, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static byte[] pem(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        return Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").strip());
    }
}

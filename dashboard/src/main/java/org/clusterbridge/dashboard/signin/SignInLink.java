package org.clusterbridge.dashboard.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The local stack's sign-in: a link with a one-time secret, written to a file only its owner can read (the
 * stack prints it). Opening the link signs the browser in once; the secret is then spent and a new link is
 * written to the same file, so the next person reads the file again. The secret is never logged.
 */
@ApplicationScoped
public class SignInLink {

    private static final Logger LOG = Logger.getLogger(SignInLink.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInConfig config;
    private byte[] secret;

    SignInLink(SignInConfig config) {
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.linkFile().isPresent()) {
            renew();
            LOG.infof("sign-in link written to %s", config.linkFile().get());
        }
    }

    /** Whether this dashboard signs people in with a link (else nobody can sign in this way). */
    public boolean enabled() {
        return config.linkFile().isPresent();
    }

    /** True, once, for the current secret; a new one is written whatever the answer, when one was tried. */
    public synchronized boolean redeem(String offered) {
        if (secret == null || offered == null || offered.isBlank()) {
            return false;
        }
        boolean matches = MessageDigest.isEqual(secret, offered.trim().getBytes(StandardCharsets.US_ASCII));
        if (matches) {
            renew();
        }
        return matches;
    }

    private synchronized void renew() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        secret = value.getBytes(StandardCharsets.US_ASCII);
        write(Path.of(config.linkFile().get()), config.publicUrl().replaceAll("/+$", "") + "/sign-in?secret="
                + value + "\n");
    }

    private static void write(Path file, String content) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary;
            try {
                temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                temporary = Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
            }
            Files.writeString(temporary, content, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sign-in link to " + file, e);
        }
    }
}

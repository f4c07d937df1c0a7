package org.clusterbridge.testing;

import org.clusterbridge.embedded.TokenIssuer;
import java.nio.file.Path;

/**
 * Tokens signed by the issuer {@link TokenResource} set up. Read from disk on every call: the resource and the
 * tests may live in different class loaders, and the files are what they share.
 */
public final class TestTokens {

    public static final String ADMIN_SUBJECT = "test-admin";
    public static final String EDITOR_SUBJECT = "test-editor";
    public static final String READER_SUBJECT = "test-reader";

    private TestTokens() {
    }

    static Path directory() {
        return Path.of("target", "test-tokens");
    }

    public static boolean available() {
        return directory().resolve(TokenIssuer.ISSUER_FILE).toFile().isFile();
    }

    public static TokenIssuer issuer() {
        return TokenIssuer.load(directory());
    }

    /** Holds all three roles. */
    public static String admin() {
        return issuer().token(ADMIN_SUBJECT, TokenIssuer.READER, TokenIssuer.EDITOR, TokenIssuer.ADMIN);
    }

    /** Reads, registers and updates. */
    public static String editor() {
        return editor(EDITOR_SUBJECT);
    }

    public static String editor(String subject) {
        return issuer().token(subject, TokenIssuer.READER, TokenIssuer.EDITOR);
    }

    public static String reader() {
        return issuer().token(READER_SUBJECT, TokenIssuer.READER);
    }
}

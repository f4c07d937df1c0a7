package org.clusterbridge.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.clusterbridge.localstack.LocalStack;
import org.clusterbridge.embedded.TokenIssuer;

/**
 * The bearer tokens the suite sends, one per role: the local stack's own (and its issuer, to sign more), or, against
 * services started elsewhere, the tokens in {@code CLUSTERBRIDGE_TOKEN_READER}, {@code CLUSTERBRIDGE_TOKEN_EDITOR}
 * and {@code CLUSTERBRIDGE_TOKEN_ADMIN}. Each request goes with the least role that may make it
 * ({@link #roleFor}).
 */
public final class Tokens {

    public static final String READER_VARIABLE = "CLUSTERBRIDGE_TOKEN_READER";
    public static final String EDITOR_VARIABLE = "CLUSTERBRIDGE_TOKEN_EDITOR";
    public static final String ADMIN_VARIABLE = "CLUSTERBRIDGE_TOKEN_ADMIN";

    /** The roles of the registry, from least to most powerful. */
    public enum Role {
        READER(TokenIssuer.READER), EDITOR(TokenIssuer.EDITOR), ADMIN(TokenIssuer.ADMIN);

        private final String claim;

        Role(String claim) {
            this.claim = claim;
        }

        /** The role's name in a token's {@code groups} claim. */
        public String claim() {
            return claim;
        }
    }

    private final Map<Role, String> tokens;
    private final TokenIssuer issuer;

    private Tokens(Map<Role, String> tokens, TokenIssuer issuer) {
        this.tokens = tokens;
        this.issuer = issuer;
    }

    /** The tokens the local stack issued at start, and its issuer. */
    static Tokens of(LocalStack stack) {
        return new Tokens(Map.of(Role.READER, stack.token(TokenIssuer.READER), Role.EDITOR,
                stack.token(TokenIssuer.EDITOR), Role.ADMIN, stack.token(TokenIssuer.ADMIN)), stack.tokenIssuer());
    }

    /** The tokens in the environment, for services started elsewhere; all three must be there. */
    static Tokens fromEnvironment(Map<String, String> env) {
        String reader = env.get(READER_VARIABLE);
        String editor = env.get(EDITOR_VARIABLE);
        String admin = env.get(ADMIN_VARIABLE);
        if (blank(reader) || blank(editor) || blank(admin)) {
            throw new IllegalStateException("every /api request needs a bearer token: set " + READER_VARIABLE + ", "
                    + EDITOR_VARIABLE + " and " + ADMIN_VARIABLE + " to tokens of the identity provider the services "
                    + "trust, with registry-reader; registry-reader and registry-editor; and all three roles");
        }
        return new Tokens(Map.of(Role.READER, reader.trim(), Role.EDITOR, editor.trim(), Role.ADMIN, admin.trim()),
                null);
    }

    public String token(Role role) {
        return tokens.get(role);
    }

    public String reader() {
        return token(Role.READER);
    }

    public String editor() {
        return token(Role.EDITOR);
    }

    public String admin() {
        return token(Role.ADMIN);
    }

    /** The issuer the services trust, when the suite has it (the local stack): to sign tokens of its own. */
    public Optional<TokenIssuer> issuer() {
        return Optional.ofNullable(issuer);
    }

    /** The token for a request: reads need a reader, writes an editor, retire/terminate/rebuild an admin. */
    public String forRequest(String method, String url) {
        return token(roleFor(method, url));
    }

    /** The least role that may send {@code method url}. */
    public static Role roleFor(String method, String url) {
        String path = url.replaceFirst("^[a-z]+://[^/]*", "").replaceFirst("[?#].*$", "");
        return switch (method.toUpperCase(java.util.Locale.ROOT)) {
            case "GET", "HEAD", "OPTIONS" -> Role.READER;
            case "DELETE" -> Role.ADMIN;
            default -> path.startsWith("/api/admin/") || path.endsWith("/termination") ? Role.ADMIN : Role.EDITOR;
        };
    }

    /** The {@code sub} claim of a JWT (read, not verified). */
    public static String subject(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return Http.JSON.readTree(new String(payload, StandardCharsets.UTF_8)).path("sub").asText();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a token whose payload is not JSON", e);
        }
    }

    /** The signature part of a JWT (after the last dot): what would show a token in a log. */
    public static String signature(String token) {
        return token.substring(token.lastIndexOf('.') + 1);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

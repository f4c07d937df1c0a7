package org.clusterbridge.localstack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What {@code deploy/keycloak/clusterbridge-realm.json} must hold for the services to accept its tokens, checked
 * without a Keycloak: the three registry roles and their composites, short-lived access tokens, and clients whose
 * tokens carry the roles in the MicroProfile {@code groups} claim (Keycloak's built-in {@code microprofile-jwt}
 * client scope) and the audience {@code clusterbridge}. Every client is confidential and authenticates with its own
 * secret (client credentials, no passwords); the dashboard, a backend for frontend, also signs people in (the
 * authorization code flow with PKCE) and reads with its own service account, so no token reaches a browser.
 */
final class KeycloakRealmCheck {

    static final String READER = "registry-reader";
    static final String EDITOR = "registry-editor";
    static final String ADMIN = "registry-admin";
    static final String AUDIENCE = "clusterbridge";

    /** Each role and the roles it includes. */
    static final Map<String, Set<String>> ROLES = Map.of(
            READER, Set.of(),
            EDITOR, Set.of(READER),
            ADMIN, Set.of(EDITOR, READER));

    /**
     * A client: confidential or public, whether people sign in through it (the authorization code flow) and the
     * role of its service account (null: none).
     */
    record Client(boolean confidential, boolean signsPeopleIn, String serviceAccountRole) {
    }

    static final Map<String, Client> CLIENTS = Map.of(
            "partner-system", new Client(true, false, EDITOR),
            "registry-admin-cli", new Client(true, false, ADMIN),
            "dashboard", new Client(true, true, READER));

    /** {@code basic} carries {@code sub}; {@code microprofile-jwt} carries {@code upn} and {@code groups}. */
    static final Set<String> REQUIRED_SCOPES = Set.of("basic", "microprofile-jwt");

    /** What development secrets and passwords start with, so that nobody mistakes them for real ones. */
    static final String DEVELOPMENT_PREFIX = "dev-only-";

    private KeycloakRealmCheck() {
    }

    static List<String> problems(JsonNode realm) {
        List<String> problems = new ArrayList<>();
        if (realm.path("realm").asText().isBlank()) {
            problems.add("the realm has no name");
        }
        if (!realm.path("enabled").asBoolean(false)) {
            problems.add("the realm is not enabled");
        }
        int lifespan = realm.path("accessTokenLifespan").asInt(0);
        if (lifespan <= 0 || lifespan > 600) {
            problems.add("accessTokenLifespan is " + lifespan + " s, expected at most 600");
        }
        if (realm.has("clientScopes")) {
            // Keycloak creates its built-in scopes (microprofile-jwt, basic, roles, ...) only for a realm file
            // that declares none; with any declared, the clients' references to them come to nothing.
            problems.add("the realm declares clientScopes, so Keycloak would not create its built-in scopes");
        }
        checkRoles(problems, realm);

        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(client -> clients.put(client.path("clientId").asText(), client));
        if (!clients.keySet().equals(CLIENTS.keySet())) {
            problems.add("clients are " + new TreeSet<>(clients.keySet()) + ", expected "
                    + new TreeSet<>(CLIENTS.keySet()));
        }
        Map<String, JsonNode> serviceAccounts = new HashMap<>();
        realm.path("users").forEach(user -> {
            if (user.hasNonNull("serviceAccountClientId")) {
                serviceAccounts.put(user.path("serviceAccountClientId").asText(), user);
            }
        });
        clients.forEach((id, client) -> checkClient(problems, id, client, CLIENTS.get(id), serviceAccounts.get(id)));
        serviceAccounts.keySet().stream().filter(id -> !clients.containsKey(id))
                .forEach(id -> problems.add("a service account belongs to " + id + ", which is no client"));
        checkUsers(problems, realm);
        return problems;
    }

    private static void checkRoles(List<String> problems, JsonNode realm) {
        Map<String, Set<String>> actual = new HashMap<>();
        realm.path("roles").path("realm").forEach(role -> {
            Set<String> composites = new HashSet<>();
            role.path("composites").path("realm").forEach(composite -> composites.add(composite.asText()));
            if (role.path("composite").asBoolean(false) != !composites.isEmpty()) {
                problems.add("role " + role.path("name").asText() + ": composite does not match its composites");
            }
            actual.put(role.path("name").asText(), composites);
        });
        ROLES.forEach((role, includes) -> {
            if (!actual.containsKey(role)) {
                problems.add("role " + role + " missing");
            } else if (!actual.get(role).equals(includes)) {
                problems.add("role " + role + " includes " + new TreeSet<>(actual.get(role)) + ", expected "
                        + new TreeSet<>(includes));
            }
        });
    }

    private static void checkClient(List<String> problems, String id, JsonNode client, Client expected,
            JsonNode account) {
        String name = "client " + id;
        Set<String> scopes = new HashSet<>();
        client.path("defaultClientScopes").forEach(scope -> scopes.add(scope.asText()));
        for (String scope : REQUIRED_SCOPES) {
            if (!scopes.contains(scope)) {
                problems.add(name + ": default client scopes lack " + scope);
            }
        }
        boolean audience = false;
        for (JsonNode mapper : client.path("protocolMappers")) {
            audience |= mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                    && mapper.path("config").path("included.custom.audience").asText().equals(AUDIENCE)
                    && mapper.path("config").path("access.token.claim").asText().equals("true");
        }
        if (!audience) {
            problems.add(name + ": no audience mapper puts " + AUDIENCE + " into the access token");
        }
        // Explicitly false: no client may trade a user's password for a token.
        if (!client.path("directAccessGrantsEnabled").isBoolean()
                || client.path("directAccessGrantsEnabled").asBoolean()) {
            problems.add(name + ": directAccessGrantsEnabled must be false");
        }
        if (client.path("implicitFlowEnabled").asBoolean(false)) {
            problems.add(name + ": implicitFlowEnabled must be false");
        }
        if (!client.path("enabled").asBoolean(true)) {
            problems.add(name + ": not enabled");
        }
        if (expected == null) {
            return;
        }
        boolean confidential = !client.path("publicClient").asBoolean(false);
        if (confidential != expected.confidential()) {
            problems.add(name + ": must be " + (expected.confidential() ? "confidential" : "public"));
        }
        if (expected.confidential() && !client.path("secret").asText().startsWith(DEVELOPMENT_PREFIX)) {
            problems.add(name + ": its secret must start with " + DEVELOPMENT_PREFIX);
        }
        if (!expected.confidential() && client.has("secret")) {
            problems.add(name + ": a public client has no secret");
        }
        boolean serviceAccount = expected.serviceAccountRole() != null;
        if (client.path("serviceAccountsEnabled").asBoolean(false) != serviceAccount) {
            problems.add(name + ": serviceAccountsEnabled must be " + serviceAccount);
        }
        if (client.path("standardFlowEnabled").asBoolean(true) != expected.signsPeopleIn()) {
            problems.add(name + (expected.signsPeopleIn() ? ": standardFlowEnabled must be true"
                    : ": standardFlowEnabled must be false (a machine does not sign in)"));
        }
        if (expected.signsPeopleIn()) {
            if (!client.path("attributes").path("pkce.code.challenge.method").asText().equals("S256")) {
                problems.add(name + ": must require PKCE with S256");
            }
            client.path("redirectUris").forEach(uri -> {
                if (!uri.asText().matches("https?://[^/*]+/.*")) {
                    problems.add(name + ": redirect URI " + uri.asText() + " does not name its origin");
                }
            });
        }
        if (expected.serviceAccountRole() == null) {
            return;
        }
        if (account == null) {
            problems.add(name + ": no service account user holds its roles");
            return;
        }
        if (!account.path("username").asText().equals("service-account-" + id)
                || !account.path("enabled").asBoolean(false)) {
            problems.add(name + ": its service account must be the enabled user service-account-" + id);
        }
        Set<String> granted = new HashSet<>();
        account.path("realmRoles").forEach(role -> granted.add(role.asText()));
        if (!granted.equals(Set.of(expected.serviceAccountRole()))) {
            problems.add(name + ": its service account holds " + new TreeSet<>(granted) + ", expected ["
                    + expected.serviceAccountRole() + "]");
        }
    }

    private static void checkUsers(List<String> problems, JsonNode realm) {
        realm.path("users").forEach(user -> {
            String name = "user " + user.path("username").asText();
            user.path("realmRoles").forEach(role -> {
                if (!ROLES.containsKey(role.asText())) {
                    problems.add(name + ": holds " + role.asText() + ", which is no registry role");
                }
            });
            user.path("credentials").forEach(credential -> {
                if (!credential.path("value").asText().startsWith(DEVELOPMENT_PREFIX)
                        || !credential.path("temporary").asBoolean(false)) {
                    problems.add(name + ": a password here must be a temporary " + DEVELOPMENT_PREFIX + " one");
                }
            });
        });
    }
}

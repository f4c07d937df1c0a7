package org.clusterbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The development realm cannot be imported here (no Keycloak, no Docker); this keeps it from rotting. */
class KeycloakRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Path root = Path.of("..").toAbsolutePath().normalize();
    private JsonNode realm;
    private JsonNode compose;

    @BeforeEach
    void read() throws IOException {
        realm = JSON.readTree(Files.readString(root.resolve("deploy/keycloak/clusterbridge-realm.json")));
        compose = YAML.readTree(Files.readString(root.resolve("docker-compose.yml")));
    }

    @Test
    void theRealmGivesEveryClientTheRolesInGroupsAndTheAudienceClusterbridge() {
        assertThat(KeycloakRealmCheck.problems(realm)).isEmpty();
    }

    @Test
    void eachTokenCarriesItsRoleAndTheRolesItIncludes() {
        assertThat(groupsOf("service-account-partner-system"))
                .containsExactly("registry-editor", "registry-reader");
        assertThat(groupsOf("service-account-registry-admin-cli"))
                .containsExactly("registry-admin", "registry-editor", "registry-reader");
        assertThat(groupsOf("service-account-dashboard")).containsExactly("registry-reader");
        assertThat(groupsOf("dashboard-reader")).containsExactly("registry-reader");
    }

    @Test
    void theRealmIsTheOneWhoseIssuerAndKeysTheServicesAreGiven() {
        String name = realm.path("realm").asText();
        String frontEnd = compose.path("services").path("keycloak").path("environment").path("KC_HOSTNAME").asText();
        assertThat(name).isEqualTo("clusterbridge");
        for (String service : ComposeFileCheck.SERVICES.keySet()) {
            JsonNode environment = compose.path("services").path(service).path("environment");
            assertThat(environment.path(ComposeFileCheck.ISSUER_VARIABLE).asText()).as(service)
                    .isEqualTo(frontEnd + "/realms/" + name);
            assertThat(environment.path(ComposeFileCheck.JWKS_VARIABLE).asText()).as(service)
                    .isEqualTo("http://keycloak:8080/realms/" + name + "/protocol/openid-connect/certs");
        }
    }

    @Test
    void theDashboardSignsPeopleInAtItsOwnAddressAndHandsNoBrowserAToken() {
        JsonNode dashboard = client("dashboard");
        String published = compose.path("services").path("dashboard").path("ports").path(0).asText();
        String origin = "http://localhost:" + published.substring(0, published.indexOf(':'));
        assertThat(dashboard.path("rootUrl").asText()).isEqualTo(origin);
        assertThat(dashboard.path("redirectUris")).extracting(JsonNode::asText).containsExactly(origin + "/*");
        // A backend for frontend: the browser never calls Keycloak's token endpoint or the services itself.
        assertThat(dashboard.path("webOrigins")).isEmpty();
    }

    @Test
    void aClientWithoutTheGroupsClaimOrTheAudienceIsCaught() {
        ArrayNode scopes = (ArrayNode) client("dashboard").path("defaultClientScopes");
        for (int i = scopes.size() - 1; i >= 0; i--) {
            if (scopes.get(i).asText().equals("microprofile-jwt")) {
                scopes.remove(i);
            }
        }
        ((ArrayNode) client("registry-admin-cli").path("protocolMappers")).removeAll();
        assertThat(KeycloakRealmCheck.problems(realm)).containsExactlyInAnyOrder(
                "client dashboard: default client scopes lack microprofile-jwt",
                "client registry-admin-cli: no audience mapper puts clusterbridge into the access token");
    }

    @Test
    void passwordGrantsAndDeclaredClientScopesAreCaught() {
        ((ObjectNode) client("partner-system")).put("directAccessGrantsEnabled", true);
        ((ObjectNode) client("dashboard")).remove("directAccessGrantsEnabled");
        ((ObjectNode) realm).putArray("clientScopes").addObject().put("name", "microprofile-jwt");
        assertThat(KeycloakRealmCheck.problems(realm)).containsExactlyInAnyOrder(
                "client partner-system: directAccessGrantsEnabled must be false",
                "client dashboard: directAccessGrantsEnabled must be false",
                "the realm declares clientScopes, so Keycloak would not create its built-in scopes");
    }

    @Test
    void aWrongRoleOrServiceAccountGrantIsCaught() {
        for (JsonNode role : realm.path("roles").path("realm")) {
            if (role.path("name").asText().equals("registry-admin")) {
                ((ArrayNode) role.path("composites").path("realm")).removeAll().add("registry-reader");
            }
        }
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals("service-account-partner-system")) {
                ((ArrayNode) user.path("realmRoles")).removeAll().add("registry-admin");
            }
        }
        assertThat(KeycloakRealmCheck.problems(realm)).containsExactlyInAnyOrder(
                "role registry-admin includes [registry-reader], expected [registry-editor, registry-reader]",
                "client partner-system: its service account holds [registry-admin], expected [registry-editor]");
    }

    @Test
    void aMachineClientThatSignsInUsersOrABrowserClientWithoutPkceIsCaught() {
        ((ObjectNode) client("registry-admin-cli")).put("standardFlowEnabled", true).put("secret", "s3cret");
        ((ObjectNode) client("dashboard").path("attributes")).remove("pkce.code.challenge.method");
        ((ObjectNode) client("dashboard")).put("serviceAccountsEnabled", false);
        assertThat(KeycloakRealmCheck.problems(realm)).containsExactlyInAnyOrder(
                "client registry-admin-cli: standardFlowEnabled must be false (a machine does not sign in)",
                "client registry-admin-cli: its secret must start with dev-only-",
                "client dashboard: must require PKCE with S256",
                "client dashboard: serviceAccountsEnabled must be true");
    }

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    /** The registry roles in the groups claim of a user's token: its realm roles with their composites expanded. */
    private Set<String> groupsOf(String username) {
        Set<String> groups = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>();
        for (JsonNode user : realm.path("users")) {
            if (user.path("username").asText().equals(username)) {
                user.path("realmRoles").forEach(role -> pending.add(role.asText()));
            }
        }
        while (!pending.isEmpty()) {
            String role = pending.pop();
            if (groups.add(role)) {
                for (JsonNode candidate : realm.path("roles").path("realm")) {
                    if (candidate.path("name").asText().equals(role)) {
                        candidate.path("composites").path("realm").forEach(c -> pending.add(c.asText()));
                    }
                }
            }
        }
        return groups;
    }
}

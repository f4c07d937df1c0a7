package org.clusterbridge.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The identity provider in deploy/kubernetes: a Keycloak of at least two instances on a database whose
 * credentials are Secrets, reachable over HTTP inside the cluster at a public https hostname, and the import of
 * deploy/keycloak/clusterbridge-realm.json: the same realm except that the confidential clients' secrets are
 * placeholders filled from Secrets, the users with a password are left out and the dashboard has its public
 * origin. Free text (display names, descriptions) may differ.
 */
final class KeycloakResourcesCheck {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    /** Free text that may differ between the development realm and the imported one. */
    private static final Set<String> FREE_TEXT = Set.of("displayName", "description");
    private static final String DEVELOPMENT_DASHBOARD = "http://localhost:8080";

    /** The identity provider: the Keycloak name and back-channel port, its keys and issuer, the dashboard origin. */
    record Identity(String name, int httpPort, String jwks, String issuer, String dashboardOrigin) {
    }

    private KeycloakResourcesCheck() {
    }

    static Identity check(List<String> problems, Manifests manifests, JsonNode realmFile) {
        List<JsonNode> keycloaks = manifests.all("k8s.keycloak.org/v2alpha1", "Keycloak");
        if (keycloaks.isEmpty()) {
            problems.add("no Keycloak (k8s.keycloak.org/v2alpha1)");
            return null;
        }
        JsonNode keycloak = keycloaks.get(0);
        String name = Manifests.name(keycloak);
        JsonNode spec = keycloak.path("spec");
        if (spec.path("instances").asInt(1) < 2) {
            problems.add("Keycloak " + name + ": instances " + spec.path("instances").asInt(1)
                    + ", expected at least 2");
        }
        for (String credential : List.of("usernameSecret", "passwordSecret")) {
            if (!spec.path("db").path(credential).has("name") || !spec.path("db").path(credential).has("key")) {
                problems.add("Keycloak " + name + ": db." + credential + " does not name a Secret and key");
            }
        }
        String hostname = spec.path("hostname").path("hostname").asText();
        if (!hostname.matches("https://[^/]+")) {
            problems.add("Keycloak " + name + ": hostname.hostname must be the public https URL, not '"
                    + hostname + "'");
        }
        boolean backChannel = spec.path("http").path("httpEnabled").asBoolean()
                && spec.path("hostname").path("backchannelDynamic").asBoolean();
        if (!backChannel) {
            problems.add("Keycloak " + name + ": http.httpEnabled and hostname.backchannelDynamic must be true:"
                    + " the services fetch the keys over HTTP inside the cluster");
        }
        JsonNode realmImport = manifests.first("KeycloakRealmImport",
                candidate -> candidate.path("apiVersion").asText().equals("k8s.keycloak.org/v2alpha1")
                        && candidate.path("spec").path("keycloakCRName").asText().equals(name));
        int port = spec.path("http").path("httpPort").asInt(8080);
        if (realmImport.isMissingNode()) {
            problems.add("no KeycloakRealmImport (k8s.keycloak.org/v2alpha1) for Keycloak " + name);
            return new Identity(name, port, null, null, null);
        }
        JsonNode realm = realmImport.path("spec").path("realm");
        String dashboard = checkRealm(problems, realmImport, realmFile);
        String path = "/realms/" + realm.path("realm").asText();
        return new Identity(name, port, "http://" + name + "-service:" + port + path + "/protocol/openid-connect/certs",
                hostname + path, dashboard);
    }

    /** Compares the imported realm with the development realm; returns the dashboard's origin in the import. */
    private static String checkRealm(List<String> problems, JsonNode realmImport, JsonNode realmFile) {
        String name = "KeycloakRealmImport " + Manifests.name(realmImport);
        JsonNode realm = realmImport.path("spec").path("realm");
        JsonNode placeholders = realmImport.path("spec").path("placeholders");
        Matcher used = PLACEHOLDER.matcher(realm.toString());
        while (used.find()) {
            JsonNode secret = placeholders.path(used.group(1)).path("secret");
            if (!secret.has("name") || !secret.has("key")) {
                problems.add(name + ": placeholder " + used.group(1)
                        + " is not filled from a Secret (spec.placeholders)");
            }
        }
        String dashboard = null;
        // A literal client secret is LiteralSecretsCheck's to find, as every literal secret is.
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("dashboard")) {
                dashboard = client.path("rootUrl").asText();
            }
        }
        if (dashboard == null || !dashboard.matches("https://[^/]+")) {
            problems.add(name + ": the dashboard client's rootUrl must be its public https origin, not '"
                    + dashboard + "'");
            return null;
        }
        JsonNode expected = comparable(developmentToProduction(realmFile.deepCopy(), dashboard));
        String difference = firstDifference(expected, comparable(realm.deepCopy()), "");
        if (difference != null) {
            problems.add(name + ": the realm differs from deploy/keycloak/clusterbridge-realm.json at " + difference);
        }
        return dashboard;
    }

    /** The development realm as production imports it: no user with a password, the dashboard at its origin. */
    private static JsonNode developmentToProduction(JsonNode realm, String dashboard) {
        List<JsonNode> users = new ArrayList<>();
        realm.path("users").forEach(user -> {
            if (!user.has("credentials")) {
                users.add(user);
            }
        });
        if (realm.has("users")) {
            ((ObjectNode) realm).putArray("users").addAll(users);
        }
        return replaceText(realm, DEVELOPMENT_DASHBOARD, dashboard);
    }

    private static JsonNode replaceText(JsonNode node, String from, String to) {
        if (node.isTextual() && node.asText().startsWith(from)) {
            return TextNode.valueOf(to + node.asText().substring(from.length()));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaceText(array.get(i), from, to));
            }
        } else if (node instanceof ObjectNode object) {
            for (String field : object.properties().stream().map(Map.Entry::getKey).toList()) {
                object.set(field, replaceText(object.get(field), from, to));
            }
        }
        return node;
    }

    /** Without free text, and with every client secret the same: those may differ. */
    private static JsonNode comparable(JsonNode realm) {
        if (realm instanceof ObjectNode object) {
            object.remove(FREE_TEXT);
            if (object.has("clientId") && object.has("secret")) {
                object.put("secret", "<secret>");
            }
            object.forEach(KeycloakResourcesCheck::comparable);
        } else if (realm.isArray()) {
            realm.forEach(KeycloakResourcesCheck::comparable);
        }
        return realm;
    }

    /** The JSON pointer of the first place where the two differ, or null. */
    static String firstDifference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String field : names) {
                String difference = firstDifference(expected.path(field), actual.path(field), path + "/" + field);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String difference = firstDifference(expected.get(i), actual.get(i), path + "/" + i);
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        boolean same = expected.isValueNode() && actual.isValueNode() ? expected.asText().equals(actual.asText())
                : expected.equals(actual);
        return same ? null : path.isEmpty() ? "/" : path;
    }
}

package org.clusterbridge.localstack;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * No literal secret anywhere in the manifests: no Secret with data, no password, secret or token as a literal
 * value (an environment variable, an option, a realm client or credential), no password in a URL, no
 * secret-like key in a ConfigMap. Credentials come from the Secrets the operators generate or the installation
 * creates; a realm import says {@code ${NAME}} and fills it from a Secret.
 */
final class LiteralSecretsCheck {

    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?i).*(password|passwd|secret|token|credential|private.?key|api.?key).*");
    private static final Set<String> SECRET_FIELDS = Set.of("secret", "password", "clientSecret");
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("://[^/@\\s:]+:[^/@\\s]+@");

    private LiteralSecretsCheck() {
    }

    static void check(List<String> problems, Manifests manifests) {
        for (JsonNode object : manifests.objects()) {
            String where = object.path("kind").asText() + " " + Manifests.name(object);
            if (object.path("kind").asText().equals("Secret")
                    && (!object.path("data").isEmpty() || !object.path("stringData").isEmpty())) {
                problems.add(where + ": holds literal data; credentials come from the operators or are created at"
                        + " install time");
            }
            if (object.path("kind").asText().equals("ConfigMap")) {
                object.path("data").properties().forEach(entry -> {
                    if (SECRET_LIKE.matcher(entry.getKey()).matches() && !entry.getValue().asText().isBlank()) {
                        problems.add(where + ": " + entry.getKey() + " has a literal value");
                    }
                });
            }
            scan(problems, where, object);
        }
    }

    private static void scan(List<String> problems, String where, JsonNode node) {
        if (node.isObject()) {
            String name = node.path("name").asText();
            JsonNode value = node.path("value");
            boolean credential = SECRET_LIKE.matcher(name).matches() || node.path("type").asText().equals("password");
            if (credential && value.isValueNode() && !literalFree(value.asText())) {
                problems.add(where + ": " + (name.isEmpty() ? "a password credential" : name) + " has a literal value");
            }
            node.properties().forEach(field -> {
                if (SECRET_FIELDS.contains(field.getKey()) && field.getValue().isTextual()
                        && !literalFree(field.getValue().asText())) {
                    problems.add(where + ": " + field.getKey() + " has a literal value");
                }
                scan(problems, where, field.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(element -> scan(problems, where, element));
        } else if (node.isTextual() && PASSWORD_IN_URL.matcher(node.asText()).find()) {
            problems.add(where + ": a URL with a password in it");
        }
    }

    /** Blank, or a placeholder filled in elsewhere ({@code ${NAME}}). */
    private static boolean literalFree(String value) {
        return value.isBlank() || KeycloakResourcesCheck.PLACEHOLDER.matcher(value).matches();
    }
}

package org.clusterbridge.testing;

import org.clusterbridge.embedded.TokenIssuer;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tests for every operation under {@code /api} in a running service's OpenAPI document, so an endpoint
 * added later is covered the day it appears: it must name the roles it needs, refuse a request without a
 * valid token with a 401 problem, refuse a valid token without those roles with a 403 problem, and let the
 * least of its roles through. Path parameters are random ids and bodies are empty objects, so the allowed
 * request ends in a 4xx of the resource's own (or a 2xx) and changes nothing.
 */
public final class ApiAccessCheck {

    /** From least to most powerful; reads must admit the first, writes must not. */
    public static final List<String> ROLES = List.of(TokenIssuer.READER, TokenIssuer.EDITOR, TokenIssuer.ADMIN);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PROBLEM = "application/problem+json";

    private final URI base;
    private final TokenIssuer trusted;

    private ApiAccessCheck(URI base, TokenIssuer trusted) {
        this.base = base;
        this.trusted = trusted;
    }

    /** One container of tests per operation of the service at {@code base}, which trusts {@code trusted}. */
    public static Stream<DynamicNode> everyOperation(URI base, TokenIssuer trusted) {
        ApiAccessCheck check = new ApiAccessCheck(base, trusted);
        List<Operation> operations = check.operations();
        assertThat(operations).as("operations under /api in %s/q/openapi", base).isNotEmpty();
        return operations.stream().map(check::tests);
    }

    /** An operation of the document, with the media type its body is sent as (the first it documents). */
    record Operation(String method, String path, List<String> roles, String bodyType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    List<Operation> operations() {
        JsonNode document;
        try {
            document = JSON.readTree(send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).GET())
                    .body());
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document of " + base + " is not JSON", e);
        }
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!Set.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                List<String> roles = new ArrayList<>();
                for (JsonNode requirement : method.getValue().path("security")) {
                    requirement.fields().forEachRemaining(scheme -> scheme.getValue()
                            .forEach(role -> roles.add(role.asText())));
                }
                Iterator<String> bodyTypes = method.getValue().path("requestBody").path("content").fieldNames();
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), roles,
                        bodyTypes.hasNext() ? bodyTypes.next() : "application/json"));
            }
        }
        return operations;
    }

    private DynamicContainer tests(Operation operation) {
        Set<String> allowed = new LinkedHashSet<>(operation.roles());
        String least = ROLES.stream().filter(allowed::contains).findFirst().orElse(null);
        Set<String> others = new LinkedHashSet<>(ROLES);
        others.removeAll(allowed);
        TokenIssuer stranger = TokenIssuer.generate(trusted.issuer());
        return DynamicContainer.dynamicContainer(operation.toString(), Stream.of(
                DynamicTest.dynamicTest("declares the roles it needs", () -> {
                    assertThat(operation.roles()).as("roles of %s in the OpenAPI document", operation).isNotEmpty();
                    assertThat(ROLES).as("roles of %s", operation).containsAll(operation.roles());
                    if (operation.path().startsWith("/api/admin/")) {
                        assertThat(operation.roles()).as("administration admits admins only")
                                .containsExactly(TokenIssuer.ADMIN);
                    } else if (operation.method().equals("GET")) {
                        assertThat(operation.roles()).as("a read admits readers").contains(TokenIssuer.READER);
                    } else {
                        assertThat(operation.roles()).as("a write does not admit mere readers")
                                .doesNotContain(TokenIssuer.READER);
                    }
                }),
                DynamicTest.dynamicTest("401 without a token", () -> assertProblem(call(operation, null), 401)),
                DynamicTest.dynamicTest("401 for a malformed token",
                        () -> assertProblem(call(operation, "not.a.token"), 401)),
                DynamicTest.dynamicTest("401 for an expired token", () -> assertProblem(
                        call(operation, trusted.expired("expired", ROLES.toArray(String[]::new))), 401)),
                DynamicTest.dynamicTest("401 for a token signed by another key", () -> assertProblem(
                        call(operation, stranger.token("stranger", ROLES.toArray(String[]::new))), 401)),
                DynamicTest.dynamicTest("401 for a token from another issuer", () -> assertProblem(
                        call(operation, trusted.withIssuer("https://elsewhere.example").token("elsewhere",
                                ROLES.toArray(String[]::new))), 401)),
                DynamicTest.dynamicTest("403 with only " + (others.isEmpty() ? "no role" : others), () -> assertProblem(
                        call(operation, trusted.token("unprivileged", others.toArray(String[]::new))), 403)),
                DynamicTest.dynamicTest("allowed with " + least, () -> {
                    assertThat(least).as("least role of %s", operation).isNotNull();
                    HttpResponse<String> response = call(operation, trusted.token("privileged", least));
                    assertThat(response.statusCode()).as("%s with %s: %s", operation, least, response.body())
                            .isNotIn(401, 403).isLessThan(500);
                })));
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(PROBLEM));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    private HttpResponse<String> call(Operation operation, String token) {
        String path = operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (operation.method().equals("GET") || operation.method().equals("DELETE")) {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", operation.bodyType())
                    .method(operation.method(), HttpRequest.BodyPublishers.ofString("{}"));
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

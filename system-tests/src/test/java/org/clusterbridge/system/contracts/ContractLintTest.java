package org.clusterbridge.system.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Each committed OpenAPI document as a partner's linter sees it: Spectral (pinned in contracts/lint) with its
 * {@code spectral:oas} ruleset finds no error. Warnings are printed with their rule, for the build log.
 */
class ContractLintTest {

    private static final Path ROOT = Path.of(System.getProperty("clusterbridge.root", "..")).toAbsolutePath()
            .normalize();
    private static final Path LINT = ROOT.resolve("contracts/lint");
    private static final Path WORK = ROOT.resolve("system-tests/target/contract-lint");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @BeforeAll
    static void installSpectral() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json")) {
            Files.copy(LINT.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isExecutable(spectral())) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), 600);
            assertThat(install.exitCode()).as("npm ci in %s:%n%s", WORK, install.output()).isZero();
        }
    }

    static Stream<Path> documents() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("contracts/openapi"))) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("documents")
    void spectralFindsNoErrors(Path document) throws IOException, InterruptedException {
        Result lint = run(List.of(spectral().toString(), "lint", "--ruleset", LINT.resolve(".spectral.yaml").toString(),
                "--format", "json", "--quiet", document.toString()), 300);
        JsonNode results = MAPPER.readTree(lint.output().substring(Math.max(0, lint.output().indexOf('['))));
        List<String> errors = new ArrayList<>();
        java.util.Map<String, Integer> warnings = new java.util.TreeMap<>();
        for (JsonNode result : results) {
            String where = result.path("code").asText() + " at " + result.path("path") + ": "
                    + result.path("message").asText();
            if (result.path("severity").asInt() == 0) {
                errors.add(where);
            } else {
                warnings.merge(result.path("code").asText(), 1, Integer::sum);
            }
        }
        System.out.printf("spectral:oas on %s: %d errors, %d warnings %s%n", document.getFileName(), errors.size(),
                warnings.values().stream().mapToInt(Integer::intValue).sum(), warnings);
        assertThat(errors).as("Spectral errors in %s", document.getFileName()).isEmpty();
    }

    private static Path spectral() {
        return WORK.resolve("node_modules/.bin/spectral");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

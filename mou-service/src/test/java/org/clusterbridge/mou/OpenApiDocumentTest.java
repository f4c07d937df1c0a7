package org.clusterbridge.mou;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.clusterbridge.mou.domain.FocusAreas;
import org.clusterbridge.mou.service.AgreementFacets;
import org.clusterbridge.testing.OpenApiDrift;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Partner systems code against contracts/openapi/mou-service.yaml and generate their clients from it: the served
 * document must not drift from it, and it must name and type everything a generated client needs.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    JsonNode document;

    @BeforeEach
    void read() throws IOException {
        document = new ObjectMapper().readTree(RestAssured.given().get("/q/openapi?format=json").then()
                .statusCode(200).extract().asString());
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        OpenApiDrift.assertServedDocumentIsCommitted("mou-service");
    }

    @Test
    void everyOperationHasAnOperationIdAndASummary() {
        Set<String> ids = new TreeSet<>();
        for (Operation operation : operations()) {
            assertThat(operation.node().path("summary").asText()).as("summary of %s", operation).isNotBlank();
            String id = operation.node().path("operationId").asText();
            assertThat(id).as("operationId of %s", operation).isNotBlank();
            assertThat(ids.add(id)).as("operationId %s is unique", id).isTrue();
        }
        // the register's own, in the domain's words (the platform names its administration and change feed)
        assertThat(ids).contains("listAgreements", "signAgreement", "getAgreement",
                "updateAgreement", "patchAgreement", "terminateAgreement", "listClusterAgreements", "getNetwork");
    }

    @Test
    void everySuccessfulJsonAnswerHasANonEmptySchema() {
        List<String> checked = new ArrayList<>();
        for (Operation operation : operations()) {
            operation.node().path("responses").fields().forEachRemaining(response -> {
                if (!response.getKey().startsWith("2")) {
                    return;
                }
                JsonNode content = response.getValue().path("content");
                assertThat(content.has("application/json")).as("%s %s answers JSON", operation, response.getKey())
                        .isTrue();
                JsonNode schema = resolve(content.path("application/json").path("schema"));
                assertThat(schema.isMissingNode() || schema.isEmpty()).as("schema of %s %s", operation,
                        response.getKey()).isFalse();
                assertThat(schema.path("type").asText()).as("type of %s %s", operation, response.getKey())
                        .isIn("object", "array");
                if ("object".equals(schema.path("type").asText())) {
                    assertThat(schema.path("properties").isEmpty()).as("properties of %s %s", operation,
                            response.getKey()).isFalse();
                }
                checked.add(operation + " " + response.getKey());
            });
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void requestSchemasRequireWhatTheRulesRequireAndThePatchNothing() {
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(texts(schemas.path("AgreementRequest").path("required"))).containsExactlyInAnyOrder("reference",
                "title", "kind", "parties", "signedOn");
        assertThat(texts(schemas.path("PartyInput").path("required"))).containsExactly("clusterId");
        assertThat(texts(schemas.path("SignatoryInput").path("required"))).containsExactlyInAnyOrder("name",
                "clusterId");
        assertThat(texts(schemas.path("SigningCeremonyInput").path("required"))).containsExactly("mode");
        assertThat(texts(schemas.path("SourceInput").path("required"))).containsExactly("title");
        assertThat(texts(schemas.path("TerminationRequest").path("required"))).containsExactlyInAnyOrder("date",
                "reason");

        JsonNode patch = schemas.path("AgreementPatch");
        assertThat(patch.has("required")).as("a merge patch requires nothing").isFalse();
        assertThat(names(patch.path("properties"))).isEqualTo(names(schemas.path("AgreementRequest")
                .path("properties")));
        JsonNode patchBody = document.path("paths").path("/api/agreements/{id}").path("patch").path("requestBody")
                .path("content");
        assertThat(names(patchBody)).containsExactly("application/merge-patch+json");
        assertThat(patchBody.path("application/merge-patch+json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/AgreementPatch");
    }

    @Test
    void representationsMarkWhatIsReadOnlyAndWhatIsAlwaysThere() {
        JsonNode agreement = document.path("components").path("schemas").path("AgreementRepresentation");
        for (String field : List.of("id", "status", "termination", "version", "createdAt", "createdBy", "updatedAt",
                "updatedBy")) {
            assertThat(agreement.path("properties").path(field).path("readOnly").asBoolean()).as(field).isTrue();
        }
        for (String field : List.of("reference", "title", "kind", "parties", "signedOn", "notes")) {
            assertThat(agreement.path("properties").path(field).path("readOnly").asBoolean()).as(field).isFalse();
        }
        assertThat(texts(agreement.path("required"))).contains("id", "reference", "title", "kind", "status",
                "parties", "signatories", "signedOn", "effectiveFrom", "version").doesNotContain("purpose", "term",
                        "expiresOn", "termination", "createdBy");
        // a ceremony's times are local: "date-time" would make generated clients demand an offset
        for (String ceremony : List.of("SigningCeremonyInput", "SigningCeremonyRepresentation")) {
            for (String field : List.of("start", "end")) {
                JsonNode time = document.path("components").path("schemas").path(ceremony).path("properties")
                        .path(field);
                assertThat(time.path("type").asText()).as("%s.%s", ceremony, field).isEqualTo("string");
                assertThat(time.has("format") || time.has("$ref")).as("%s.%s", ceremony, field).isFalse();
            }
        }
        JsonNode party = document.path("components").path("schemas").path("PartyRepresentation");
        for (String derived : List.of("slug", "names", "acronym", "kind", "country", "status")) {
            assertThat(party.path("properties").path(derived).path("readOnly").asBoolean()).as(derived).isTrue();
        }
        assertThat(texts(document.path("components").path("schemas").path("AgreementPage").path("required")))
                .containsExactlyInAnyOrder("items", "page", "size", "total");
    }

    @Test
    void queryParametersAreTyped() {
        for (String path : List.of("/api/agreements", "/api/clusters/{clusterId}/agreements")) {
            Map<String, JsonNode> parameters = parameters(document.path("paths").path(path).path("get"));
            assertThat(parameters.get("page").path("schema").path("type").asText()).isEqualTo("integer");
            assertThat(parameters.get("page").path("schema").path("minimum").asInt()).isZero();
            JsonNode size = parameters.get("size").path("schema");
            assertThat(size.path("type").asText()).isEqualTo("integer");
            assertThat(size.path("minimum").asInt()).isEqualTo(1);
            assertThat(size.path("maximum").asInt()).isEqualTo(200);
            assertThat(size.path("default").asInt()).isEqualTo(20);
            assertThat(parameters.get("signedFrom").path("schema").path("format").asText()).isEqualTo("date");
            assertThat(parameters.get("signedTo").path("schema").path("format").asText()).isEqualTo("date");
            assertThat(parameters.get("expiringWithinDays").path("schema").path("type").asText())
                    .isEqualTo("integer");
            assertThat(texts(resolve(parameters.get("status").path("schema")).path("enum")))
                    .containsExactly("SIGNED", "ACTIVE", "EXPIRED", "TERMINATED");
            assertThat(texts(parameters.get("focusArea").path("schema").path("enum")))
                    .containsExactlyElementsOf(FocusAreas.CODES);
            parameters.values().forEach(p -> assertThat(resolve(p.path("schema")).has("type"))
                    .as("type of %s in %s", p.path("name").asText(), path).isTrue());
            // facets=status,country: a comma-separated list of the offered names
            JsonNode facets = parameters.get("facets");
            assertThat(facets.path("explode").asBoolean(true)).isFalse();
            assertThat(facets.path("schema").path("type").asText()).isEqualTo("array");
            assertThat(texts(resolve(facets.path("schema").path("items")).path("enum")))
                    .containsExactlyElementsOf(AgreementFacets.OFFERED);
            // the page first, so that generated clients type the list's answer as the page
            JsonNode ok = document.path("paths").path(path).path("get").path("responses").path("200").path("content");
            assertThat(names(ok)).containsExactlyInAnyOrder("application/json", "text/csv", "application/x-ndjson");
            assertThat(ok.fieldNames().next()).isEqualTo("application/json");
            assertThat(ok.path("application/json").path("schema").path("$ref").asText())
                    .isEqualTo("#/components/schemas/AgreementPage");
        }
        JsonNode page = document.path("components").path("schemas").path("AgreementPage");
        assertThat(page.path("properties").path("facets").path("additionalProperties").path("items").path("$ref")
                .asText()).isEqualTo("#/components/schemas/FacetCount");
        Map<String, JsonNode> list = parameters(document.path("paths").path("/api/agreements").path("get"));
        assertThat(list.get("clusterId").path("schema").path("format").asText()).isEqualTo("uuid");
        Map<String, JsonNode> network = parameters(document.path("paths").path("/api/network").path("get"));
        assertThat(texts(resolve(network.get("status").path("schema")).path("enum"))).hasSize(4);
    }

    record Operation(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> {
                    if (METHODS.contains(method.getKey())) {
                        operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
                    }
                }));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    /** The schema a {@code $ref} names, or the schema itself. */
    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        if (ref.isEmpty()) {
            return schema;
        }
        assertThat(ref).startsWith("#/components/schemas/");
        JsonNode target = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(target.isMissingNode()).as("%s is defined", ref).isFalse();
        return target;
    }

    private static Map<String, JsonNode> parameters(JsonNode operation) {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        operation.path("parameters").forEach(p -> byName.put(p.path("name").asText(), p));
        return byName;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

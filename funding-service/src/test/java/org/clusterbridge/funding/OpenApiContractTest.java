package org.clusterbridge.funding;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.clusterbridge.funding.api.FundingFigureRequest;
import org.clusterbridge.funding.domain.Indicator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * What partner systems' generated clients rely on in the served OpenAPI document: operation ids and summaries,
 * typed success bodies and query parameters, a merge patch with nothing required, and read-only markers that are
 * exactly the fields a PUT ignores.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** The platform's own operations (view administration, change feed) are named by the platform. */
    private static final List<String> PLATFORM_PATHS = List.of("/api/admin/", "/api/changes");

    private JsonNode document;

    @BeforeEach
    void document() throws Exception {
        // read per test: REST Assured knows the test server's port only once a test runs
        if (document == null) {
            document = new ObjectMapper().readTree(given().accept("application/json")
                    .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        }
    }

    @Test
    void everyOperationOfTheServiceHasItsOperationIdAndASummary() {
        Map<String, String> ids = new LinkedHashMap<>();
        operations().forEach((name, operation) -> {
            if (PLATFORM_PATHS.stream().noneMatch(name.substring(name.indexOf(' ') + 1)::startsWith)) {
                assertThat(operation.path("summary").asText()).as("summary of %s", name).isNotBlank();
                ids.put(name, operation.path("operationId").asText());
            }
        });
        assertThat(ids).containsExactlyInAnyOrderEntriesOf(Map.of(
                "GET /api/funding-figures", "listFundingFigures",
                "POST /api/funding-figures", "recordFundingFigure",
                "GET /api/funding-figures/{id}", "getFundingFigure",
                "PUT /api/funding-figures/{id}", "correctFundingFigure",
                "PATCH /api/funding-figures/{id}", "patchFundingFigure",
                "GET /api/funding-figures/{id}/history", "getFundingFigureHistory",
                "GET /api/clusters/{clusterId}/funding-summary", "getFundingSummary",
                "GET /api/indicators", "listIndicators",
                "GET /api/data-quality", "listDataQualityConcerns"));
        List<String> all = operations().values().stream().map(op -> op.path("operationId").asText())
                .filter(id -> !id.isEmpty()).toList();
        assertThat(all).as("operation ids are unique").doesNotHaveDuplicates();
    }

    @Test
    void everyJsonSuccessBodyHasATypedSchema() {
        operations().forEach((name, operation) -> operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2")) {
                JsonNode json = response.getValue().path("content").path("application/json");
                if (!json.isMissingNode()) {
                    assertTyped(json.path("schema"), name + " " + response.getKey());
                }
            }
        }));
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            if (schema.getValue().path("type").asText().equals("object")) {
                assertThat(schema.getValue().has("properties") || schema.getValue().has("additionalProperties"))
                        .as("schema %s names its properties", schema.getKey()).isTrue();
            }
        });
        assertThat(schema("FundingFigurePage").path("required")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("items", "page", "size", "total", "totalExact");
        assertThat(schema("FundingFigurePage").at("/properties/items/items/$ref").asText())
                .isEqualTo("#/components/schemas/FundingFigureResponse");
    }

    @Test
    void theListParametersAreTyped() {
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        operations().get("GET /api/funding-figures").path("parameters")
                .forEach(parameter -> parameters.put(parameter.path("name").asText(), parameter.path("schema")));
        assertThat(parameters.get("page").path("type").asText()).isEqualTo("integer");
        assertThat(parameters.get("page").path("minimum").asInt()).isZero();
        assertThat(parameters.get("size").path("type").asText()).isEqualTo("integer");
        assertThat(parameters.get("size").path("minimum").asInt()).isEqualTo(1);
        assertThat(parameters.get("size").path("maximum").asInt()).isEqualTo(200);
        assertThat(parameters.get("size").path("default").asInt()).isEqualTo(20);
        assertThat(parameters.get("from").path("format").asText()).isEqualTo("date");
        assertThat(parameters.get("to").path("format").asText()).isEqualTo("date");
        assertThat(resolve(parameters.get("nature")).path("enum")).extracting(JsonNode::asText)
                .containsExactly("ACTUAL", "TARGET");
        // the enumeration is written out in the resource: it must stay the catalogue
        assertThat(parameters.get("indicator").path("enum")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(Arrays.stream(Indicator.values()).map(Indicator::code).toList());
        assertThat(operations().get("GET /api/funding-figures/{id}").at("/parameters/0/schema/format").asText())
                .isEqualTo("uuid");
    }

    @Test
    void thePatchTakesAMergePatchOfTheWritableFieldsWithNothingRequired() {
        JsonNode patch = operations().get("PATCH /api/funding-figures/{id}");
        JsonNode content = patch.at("/requestBody/content");
        assertThat(names(content)).containsExactly("application/merge-patch+json");
        JsonNode body = resolve(content.path("application/merge-patch+json").path("schema"));
        assertThat(body.has("required")).as("a patch requires nothing").isFalse();
        assertThat(names(body.path("properties"))).containsExactlyInAnyOrderElementsOf(
                names(schema("FundingFigureRequest").path("properties")));
        Map.of("value", "Value", "period", "PeriodInput", "source", "SourceInput").forEach((field, request) -> {
            JsonNode part = resolve(body.at("/properties/" + field));
            assertThat(part.has("required")).as("a patch of %s requires nothing", field).isFalse();
            assertThat(names(part.path("properties"))).as("%s of a patch", field)
                    .containsExactlyInAnyOrderElementsOf(names(schema(request).path("properties")));
        });
        // generated clients leave out what is not set only when it is nullable (an array would default to [])
        assertThat(body.at("/properties/funders/type")).extracting(JsonNode::asText).contains("array", "null");
        assertThat(body.at("/properties/note/type")).extracting(JsonNode::asText).contains("string", "null");
        assertThat(names(patch.path("responses"))).contains("200", "400", "403", "404", "409", "412", "415", "428");
        assertThat(names(operations().get("PUT /api/funding-figures/{id}").path("responses")))
                .contains("200", "400", "403", "404", "409", "412", "428");
    }

    @Test
    void theReadOnlyFieldsAreExactlyTheOnesAPutIgnores() {
        JsonNode response = schema("FundingFigureResponse");
        Set<String> readOnly = new HashSet<>();
        Set<String> writable = new HashSet<>();
        response.path("properties").fields().forEachRemaining(property ->
                (property.getValue().path("readOnly").asBoolean() ? readOnly : writable).add(property.getKey()));
        assertThat(readOnly).containsExactlyInAnyOrder(
                FundingFigureRequest.class.getAnnotation(JsonIgnoreProperties.class).value());
        assertThat(writable).containsExactlyInAnyOrderElementsOf(
                names(schema("FundingFigureRequest").path("properties")));
        assertThat(response.path("required")).extracting(JsonNode::asText).contains("id", "version", "value",
                "period", "source");
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (path.getKey().startsWith("/api/") && METHODS.contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        assertThat(operations).isNotEmpty();
        return operations;
    }

    /** A schema that says what the body is: a named object with properties, an array of such, or an enum. */
    private void assertTyped(JsonNode schema, String where) {
        JsonNode resolved = resolve(schema);
        assertThat(resolved.isMissingNode() || resolved.isEmpty()).as("schema of %s", where).isFalse();
        if (resolved.path("type").asText().equals("array")) {
            assertTyped(resolved.path("items"), where + " items");
        } else if (!resolved.has("enum")) {
            assertThat(resolved.path("properties").isEmpty() && !resolved.has("additionalProperties"))
                    .as("%s names its properties: %s", where, resolved).isFalse();
        }
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.isEmpty() ? schema : schema(ref.substring("#/components/schemas/".length()));
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("schema %s", name).isFalse();
        return schema;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        Iterator<String> fields = object.fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }
}

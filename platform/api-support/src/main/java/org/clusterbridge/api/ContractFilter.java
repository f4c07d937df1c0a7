package org.clusterbridge.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says the same way, so that clients generated from it know every error:
 * one {@code Problem} schema (with {@code errors[]}) defined in each document, every 4xx and 5xx answer typed as
 * that problem, the 401 and 403 of every secured operation, a 400 wherever a parameter or body can be wrong, a
 * 404 wherever a path names a resource, 412 and 428 wherever If-Match is required and 415 wherever the body is a
 * merge patch. A PATCH answers what the PUT of its path answers (it is the PUT of the patched representation), so
 * it documents only its body and what differs. Every JSON read carries an ETag and answers a matching
 * If-None-Match with a 304 (see {@link ConditionalReads}).
 */
public class ContractFilter implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        components.addSchema(FIELD_ERROR, fieldError());
        components.addSchema(PROBLEM, problemSchema());
        openAPI.setComponents(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            if (path.getPUT() != null && path.getPATCH() != null && path.getPUT().getResponses() != null) {
                APIResponses patch = path.getPATCH().getResponses() == null ? OASFactory.createAPIResponses()
                        : path.getPATCH().getResponses();
                path.getPUT().getResponses().getAPIResponses().forEach((status, response) -> {
                    // in place of a missing answer, or of the bare default one scanned from a Response return type
                    if (!patch.hasAPIResponse(status) || isBare(patch.getAPIResponse(status))) {
                        patch.addAPIResponse(status, response);
                    }
                });
                path.getPATCH().setResponses(patch);
            }
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                        : operation.getResponses();
                if (entry.getKey() == PathItem.HttpMethod.GET && readsJson(responses)) {
                    responses.getAPIResponse("200").addHeader(HttpHeaders.ETAG, OASFactory.createHeader()
                            .description("The version of what was read (a weak digest for lists and summaries); "
                                    + "send it in If-None-Match to be answered 304 while it is current")
                            .schema(string("An entity tag")));
                    if (!responses.hasAPIResponse("304")) {
                        responses.addAPIResponse("304", OASFactory.createAPIResponse()
                                .description("Not modified: If-None-Match names the current ETag; no body"));
                    }
                }
                if (takesInput(path, operation)) {
                    describe(responses, "400", "Invalid request; errors[] names each field or parameter");
                }
                if (namesResource(path, operation)) {
                    describe(responses, "404", "No such resource");
                }
                if (takesIfMatch(operation)) {
                    describe(responses, "412", "The resource changed since the version in If-Match was read");
                    describe(responses, "428", "If-Match is missing: send the ETag read");
                }
                if (isMergePatch(operation)) {
                    describe(responses, "415", "The body is not sent as " + MergePatch.MEDIA_TYPE);
                }
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    describe(responses, "401", "No bearer token, or one that is malformed, expired, wrongly signed "
                            + "or from another issuer");
                    describe(responses, "403", "The token lacks the role this operation needs");
                }
                responses.getAPIResponses().forEach((status, response) -> {
                    if (status.charAt(0) >= '4' && response.getContent() == null) {
                        response.setContent(problem());
                    }
                });
                operation.setResponses(responses);
            }
        }
    }

    /** Adds a problem answer when the operation does not document that status itself. */
    private static void describe(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                    .content(problem()));
        } else if (existing.getContent() == null) {
            existing.setContent(problem());
        }
    }

    private static boolean readsJson(APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        return ok != null && ok.getContent() != null && ok.getContent().getMediaTypes() != null
                && ok.getContent().getMediaTypes().keySet().stream().anyMatch(type -> type.endsWith("json")
                        && !type.endsWith("ndjson"));
    }

    private static boolean takesInput(PathItem path, Operation operation) {
        return operation.getRequestBody() != null || !parameters(path, operation).isEmpty();
    }

    /** The default answer scanned from a {@code Response} return type: no content, or content of no schema. */
    private static boolean isBare(APIResponse response) {
        return response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().values().stream().allMatch(media -> media.getSchema() == null
                        || media.getSchema().getRef() == null && media.getSchema().getType() == null
                                && media.getSchema().getProperties() == null);
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
    }

    private static boolean isMergePatch(Operation operation) {
        return operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType(MergePatch.MEDIA_TYPE);
    }

    private static boolean namesResource(PathItem path, Operation operation) {
        return parameters(path, operation).stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }

    private static List<Parameter> parameters(PathItem path, Operation operation) {
        List<Parameter> all = new java.util.ArrayList<>();
        if (path.getParameters() != null) {
            all.addAll(path.getParameters());
        }
        if (operation.getParameters() != null) {
            all.addAll(operation.getParameters());
        }
        return all.stream().filter(p -> p.getIn() == Parameter.In.PATH || p.getIn() == Parameter.In.QUERY).toList();
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail; errors[] lists the invalid fields, when there are any")
                .addRequired("type").addRequired("title").addRequired("status")
                .addProperty("type", string("A URI naming the kind of problem").format("uri"))
                .addProperty("title", string("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("The path of the request"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)));
    }

    private static Schema fieldError() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field or parameter")
                .addRequired("field").addRequired("message")
                .addProperty("field", string("A JSON path such as names.en, or a query parameter's name"))
                .addProperty("message", string("What is wrong with it"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}

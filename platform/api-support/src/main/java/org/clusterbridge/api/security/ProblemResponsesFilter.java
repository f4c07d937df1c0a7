package org.clusterbridge.api.security;

import java.util.Map;

import org.clusterbridge.api.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/** The OpenAPI document says what a 401 or 403 looks like: a problem, like every other error. */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
                    continue;
                }
                APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                        : operation.getResponses();
                describe(responses, "401", "No bearer token, or one that is malformed, expired, wrongly signed or "
                        + "from another issuer");
                describe(responses, "403", "The token lacks the role this operation needs");
                operation.setResponses(responses);
            }
        }
    }

    /** Replaces the generic entry security adds; an operation's own, documented 403 stays. */
    private static void describe(APIResponses responses, String status, String description) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null && existing.getContent() != null) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description).content(problem()));
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }
}

package org.clusterbridge.cluster.api;

import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.clusterbridge.api.export.ListExport;
import org.clusterbridge.api.export.ListFormat;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.cluster.domain.FocusArea;
import org.clusterbridge.cluster.domain.FocusAreaTaxonomy;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The focus-area taxonomy clusters choose from. */
@Path("/api/focus-areas")
@Tag(name = "Focus areas")
public class FocusAreaResource {

    private final ListExport export;

    FocusAreaResource(ListExport export) {
        this.export = export;
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Produces({ ListFormat.JSON_TYPE, ListFormat.CSV_TYPE, ListFormat.NDJSON_TYPE })
    @Operation(operationId = "listFocusAreas",
            summary = "The focus-area taxonomy: codes with English and Japanese names")
    @APIResponse(responseCode = "200", description = "The taxonomy as a JSON array, or as CSV (names.en, "
            + "names.ja ... columns) or NDJSON with Accept: text/csv or application/x-ndjson", content = {
                    @Content(mediaType = ListFormat.JSON_TYPE, schema = @Schema(type = SchemaType.ARRAY,
                            implementation = FocusArea.class)),
                    @Content(mediaType = ListFormat.CSV_TYPE, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = ListFormat.NDJSON_TYPE, schema = @Schema(implementation = FocusArea.class)) })
    public Response list(@Context HttpHeaders headers) {
        ListFormat format = ListFormat.of(headers);
        if (format.streamed()) {
            return export.stream(format, FocusArea.class, FocusAreaTaxonomy.AREAS::iterator,
                    () -> FocusAreaTaxonomy.AREAS.stream().flatMap(area -> area.names().keySet().stream())
                            .collect(Collectors.toSet()), "focus-areas");
        }
        return Response.ok(FocusAreaTaxonomy.AREAS).build();
    }
}

package org.clusterbridge.funding.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.clusterbridge.api.security.Roles;
import org.clusterbridge.funding.domain.Indicator;
import org.clusterbridge.funding.domain.Unit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The indicator catalogue, what figures may report. */
@Path("/api/indicators")
@Tag(name = "Indicators")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    /** One indicator of the catalogue. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndicatorView(
            @Schema(required = true, example = "total-investment") String code,
            @Schema(required = true, description = "The indicator's names by language (en, ja)") Map<String, String> names,
            @Schema(required = true) Unit unit,
            @Schema(description = "The code of the indicator whose figure this one's is a part of, for the same "
                    + "cluster, period and source (overseas-cooperation-partners is part of cooperation-partners); "
                    + "absent when the indicator stands alone", example = "cooperation-partners") String partOf) {

        static IndicatorView of(Indicator indicator) {
            return new IndicatorView(indicator.code(), indicator.names(), indicator.unit(),
                    indicator.partOf().map(Indicator::code).orElse(null));
        }
    }

    @GET
    @RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
    @Operation(operationId = "listIndicators", summary = "The indicator catalogue: code, names (en, ja), unit (COUNT or MONEY) and the indicator a part belongs to")
    public List<IndicatorView> list() {
        return Arrays.stream(Indicator.values()).map(IndicatorView::of).toList();
    }
}

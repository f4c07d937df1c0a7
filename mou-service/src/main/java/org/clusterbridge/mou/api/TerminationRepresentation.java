package org.clusterbridge.mou.api;

import java.time.LocalDate;

import org.clusterbridge.mou.domain.Termination;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** When and why an agreement was terminated. */
public record TerminationRepresentation(@Schema(required = true) LocalDate date,
        @Schema(required = true) String reason) {

    static TerminationRepresentation of(Termination t) {
        return t == null ? null : new TerminationRepresentation(t.date(), t.reason());
    }
}

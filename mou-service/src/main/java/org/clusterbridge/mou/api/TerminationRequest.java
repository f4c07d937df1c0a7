package org.clusterbridge.mou.api;

import java.time.LocalDate;

import org.clusterbridge.mou.domain.Termination;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a termination: its date (not in the future, not before the signing) and the reason. */
public record TerminationRequest(@Schema(required = true) LocalDate date,
        @Schema(required = true, maxLength = 10_000) String reason) {

    Termination termination() {
        return new Termination(date, reason);
    }
}

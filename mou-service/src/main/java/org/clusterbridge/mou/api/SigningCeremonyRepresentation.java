package org.clusterbridge.mou.api;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.clusterbridge.mou.domain.CeremonyMode;
import org.clusterbridge.mou.domain.SigningCeremony;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ceremony as stated (local times and zone) and as instants with their offset. */
public record SigningCeremonyRepresentation(
        @Schema(required = true) CeremonyMode mode,
        String platform,
        String place,
        @Schema(implementation = String.class, pattern = AgreementRequest.LOCAL_DATE_TIME,
                example = "2022-03-22T17:00:00", description = "Local date and time in timeZone") LocalDateTime start,
        @Schema(implementation = String.class, pattern = AgreementRequest.LOCAL_DATE_TIME,
                example = "2022-03-22T17:40:00", description = "Local date and time in timeZone") LocalDateTime end,
        @Schema(description = "IANA time zone") String timeZone,
        @Schema(readOnly = true, description = "start in timeZone, with its offset") OffsetDateTime startsAt,
        @Schema(readOnly = true, description = "end in timeZone, with its offset") OffsetDateTime endsAt) {

    static SigningCeremonyRepresentation of(SigningCeremony c) {
        return c == null ? null
                : new SigningCeremonyRepresentation(c.mode(), c.platform(), c.place(), c.start(), c.end(),
                        c.timeZone(), c.startsAt(), c.endsAt());
    }
}

package org.clusterbridge.mou.api;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.clusterbridge.mou.domain.CeremonyMode;
import org.clusterbridge.mou.domain.SigningCeremony;

/** The ceremony as stated (local times and zone) and as instants with their offset. */
public record SigningCeremonyRepresentation(CeremonyMode mode, String platform, String place, LocalDateTime start,
        LocalDateTime end, String timeZone, OffsetDateTime startsAt, OffsetDateTime endsAt) {

    static SigningCeremonyRepresentation of(SigningCeremony c) {
        return c == null ? null
                : new SigningCeremonyRepresentation(c.mode(), c.platform(), c.place(), c.start(), c.end(),
                        c.timeZone(), c.startsAt(), c.endsAt());
    }
}

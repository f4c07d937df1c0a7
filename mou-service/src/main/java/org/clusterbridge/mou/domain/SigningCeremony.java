package org.clusterbridge.mou.domain;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * How the agreement was signed: online on a platform or in person at a place, from {@code start} to {@code end}
 * in local time of the IANA zone {@code timeZone} (2022-03-22 17:00-17:40 Asia/Tokyo).
 */
public record SigningCeremony(CeremonyMode mode, String platform, String place, LocalDateTime start,
        LocalDateTime end, String timeZone) {

    public OffsetDateTime startsAt() {
        return start == null || timeZone == null ? null : start.atZone(ZoneId.of(timeZone)).toOffsetDateTime();
    }

    public OffsetDateTime endsAt() {
        return end == null || timeZone == null ? null : end.atZone(ZoneId.of(timeZone)).toOffsetDateTime();
    }
}

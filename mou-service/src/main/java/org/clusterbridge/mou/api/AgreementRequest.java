package org.clusterbridge.mou.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.domain.AgreementDetails;
import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.CeremonyMode;
import org.clusterbridge.mou.domain.Party;
import org.clusterbridge.mou.domain.Signatory;
import org.clusterbridge.mou.domain.SigningCeremony;
import org.clusterbridge.mou.domain.SourceDocument;
import org.clusterbridge.mou.domain.Term;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * An agreement as a client states it ({@code POST}) or corrects it ({@code PUT}, {@code PATCH}). A representation
 * as read may be sent back: its read-only and derived fields are ignored, any other unknown field is a 400. The
 * rules ({@link org.clusterbridge.mou.domain.AgreementRules}) check the details, so each error names its field.
 */
@JsonIgnoreProperties({ "id", "status", "termination", "version", "createdAt", "createdBy", "updatedAt",
        "updatedBy" })
public record AgreementRequest(
        @Schema(required = true, maxLength = 100, example = "LINK-J-MEDICEN-2020") String reference,
        @Schema(required = true, description = MULTILINGUAL) Map<String, String> title,
        // nullable: a client generated from the document then leaves it out, rather than sending {} (no "en")
        @Schema(nullable = true, description = MULTILINGUAL) Map<String, String> purpose,
        @Schema(required = true) AgreementKind kind,
        @Schema(required = true, minItems = 2, maxItems = 50, description = "Two or more distinct clusters")
                List<PartyInput> parties,
        @Schema(maxItems = 100) List<SignatoryInput> signatories,
        @Schema(required = true, description = "Not in the future") LocalDate signedOn,
        @Schema(description = "signedOn when left out") LocalDate effectiveFrom,
        @Schema(description = "true when the agreement states a start before its signing")
                Boolean effectiveBeforeSigning,
        @Schema(description = "Give either term or expiresOn; a term's expiry is served as expiresOn") Term term,
        @Schema(description = "The expiry, when the agreement gives no term; next to a term only the expiry "
                + "it gives is accepted, on PUT") LocalDate expiresOn,
        @Schema(description = "Focus-area codes of GET /api/focus-areas (cluster-service)") List<String> focusAreas,
        SigningCeremonyInput signingCeremony,
        @Schema(maxItems = 100) List<SourceInput> sources,
        @Schema(maxLength = 10_000) String notes) {

    static final String MULTILINGUAL = "Text keyed by BCP-47 language tag; \"en\" is required";
    /**
     * A local date-time ({@code 2022-03-22T17:00}): typed as a string with this pattern, since "date-time" in OpenAPI
     * means an instant with an offset, which generated clients read into types that refuse local times.
     */
    static final String LOCAL_DATE_TIME = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?$";

    /** What the client stated, for the service; null elements are kept so that the rules name them. */
    AgreementDetails details() {
        return new AgreementDetails(reference, title, purpose, kind,
                parties == null ? null : parties.stream().map(p -> p == null ? null : p.party()).toList(),
                signatories == null ? null
                        : signatories.stream().map(s -> s == null ? null : s.signatory()).toList(),
                signedOn, effectiveFrom, effectiveBeforeSigning, term, expiresOn, focusAreas,
                signingCeremony == null ? null : signingCeremony.ceremony(),
                sources == null ? null : sources.stream().map(s -> s == null ? null : s.source()).toList(), notes);
    }

    /**
     * A party: the cluster (an alliance's id when its members co-sign) and its co-signing members. The names a
     * representation shows come from the cluster view and are ignored here.
     */
    @JsonIgnoreProperties({ "slug", "names", "acronym", "kind", "country", "status" })
    public record PartyInput(
            @Schema(required = true) UUID clusterId,
            @Schema(description = "Ids of the alliance's member clusters co-signing for it; the cluster objects a "
                    + "representation shows are accepted too")
            @JsonDeserialize(contentUsing = CoSignerIds.class) List<UUID> coSigners) {

        Party party() {
            return new Party(clusterId, coSigners);
        }
    }

    /** A person who signed, for a party or co-signer; {@code clusterNames} of a representation is ignored. */
    @JsonIgnoreProperties({ "clusterNames" })
    public record SignatoryInput(
            @Schema(required = true, maxLength = 500, example = "Akihiko Soyama") String name,
            @Schema(maxLength = 500, example = "曾山明彦") String nativeName,
            @Schema(maxLength = 500, example = "President and CEO") String title,
            @Schema(required = true, description = "The party or co-signer signed for") UUID clusterId) {

        Signatory signatory() {
            return new Signatory(name, nativeName, title, clusterId);
        }
    }

    /**
     * The ceremony in local time of an IANA zone; the instants ({@code startsAt}, {@code endsAt}) a representation
     * shows follow from them and are ignored here.
     */
    @JsonIgnoreProperties({ "startsAt", "endsAt" })
    public record SigningCeremonyInput(
            @Schema(required = true) CeremonyMode mode,
            @Schema(maxLength = 500, description = "Required for an online ceremony") String platform,
            @Schema(maxLength = 500, description = "Required for a ceremony in person") String place,
            @Schema(implementation = String.class, pattern = LOCAL_DATE_TIME, example = "2022-03-22T17:00:00",
                    description = "Local date and time in timeZone, without offset") LocalDateTime start,
            @Schema(implementation = String.class, pattern = LOCAL_DATE_TIME, example = "2022-03-22T17:40:00",
                    description = "Local date and time in timeZone, without offset; after start") LocalDateTime end,
            @Schema(description = "IANA time zone; required with start or end", example = "Asia/Tokyo")
                    String timeZone) {

        SigningCeremony ceremony() {
            return new SigningCeremony(mode, platform, place, start, end, timeZone);
        }
    }

    /** A document the agreement's data comes from. */
    public record SourceInput(
            @Schema(required = true, maxLength = 500) String title,
            @Schema(maxLength = 500) String publisher,
            @Schema(description = "BCP-47 language tag", example = "ja") String language,
            LocalDate publishedOn,
            @Schema(description = "Absolute http or https URL") String url) {

        SourceDocument source() {
            return new SourceDocument(title, publisher, language, publishedOn, url);
        }
    }
}

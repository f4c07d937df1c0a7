package org.clusterbridge.mou.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.Term;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The OpenAPI schema of a {@code PATCH} body (RFC 7396 merge patch): the fields of {@link AgreementRequest}, every
 * one optional, {@code null} removing it. Only documentation: the service reads the patch as JSON and applies it
 * to the agreement as read, then checks the result as a {@code PUT} body (the OpenAPI test keeps both field lists
 * equal). Every field is nullable, as a merge patch's null says "remove", and so that a generated client leaves
 * unset fields out instead of sending empty lists that would replace the agreement's.
 */
@Schema(description = "A JSON merge patch (RFC 7396) of an agreement: only the fields that change, null removes "
        + "an optional one; arrays are replaced whole. The result must be a valid agreement.")
public record AgreementPatch(
        @Schema(nullable = true) String reference,
        @Schema(nullable = true, description = AgreementRequest.MULTILINGUAL) Map<String, String> title,
        @Schema(nullable = true, description = AgreementRequest.MULTILINGUAL) Map<String, String> purpose,
        @Schema(nullable = true) AgreementKind kind,
        @Schema(nullable = true) List<AgreementRequest.PartyInput> parties,
        @Schema(nullable = true) List<AgreementRequest.SignatoryInput> signatories,
        @Schema(nullable = true) LocalDate signedOn,
        @Schema(nullable = true) LocalDate effectiveFrom,
        @Schema(nullable = true) Boolean effectiveBeforeSigning,
        @Schema(nullable = true) Term term,
        @Schema(nullable = true) LocalDate expiresOn,
        @Schema(nullable = true) List<String> focusAreas,
        @Schema(nullable = true) AgreementRequest.SigningCeremonyInput signingCeremony,
        @Schema(nullable = true) List<AgreementRequest.SourceInput> sources,
        @Schema(nullable = true) String notes) {
}

package org.clusterbridge.cluster.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clusterbridge.rules.LanguageTags;
import org.clusterbridge.rules.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Everything a client states about a cluster when registering or updating it; the registry adds id, status,
 * version and timestamps. A body may be the representation as read: the fields only the registry sets are
 * ignored, any other unknown field is refused.
 */
@JsonIgnoreProperties({ "id", "allianceIds", "status", "version", "createdAt", "createdBy", "updatedAt",
        "updatedBy" })
public record ClusterDetails(
        @NotNull @Size(max = 100) String slug,
        @NotNull @Size(max = 20) Map<String, String> names,
        @Schema(nullable = true) @Size(max = 20) Map<String, String> description,
        @Size(max = 50) String acronym,
        @NotNull ClusterKind kind,
        @Size(max = 200) String legalForm,
        @NotNull String country,
        @Size(max = 200) String region,
        @Size(max = 200) String city,
        @Valid FoundedOn foundedOn,
        @Size(max = 500) String website,
        @Size(max = 50) List<String> focusAreas,
        @Size(max = 100) List<@Valid @NotNull Leader> leaders,
        @Size(max = 500) List<UUID> memberClusterIds,
        @Size(max = 500) List<@Valid @NotNull MembershipReport> membershipReports) {

    public ClusterDetails {
        focusAreas = focusAreas == null ? List.of() : focusAreas;
        leaders = leaders == null ? List.of() : leaders;
        memberClusterIds = memberClusterIds == null ? List.of() : memberClusterIds;
        membershipReports = membershipReports == null ? List.of() : membershipReports;
    }

    /** Every rule of {@link ClusterRules} and {@link LanguageTags} that these details of cluster {@code id} break. */
    public List<Violation> violations(UUID id, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        violations.addAll(ClusterRules.slug(slug));
        violations.addAll(LanguageTags.multilingual("names", names, true, 500));
        violations.addAll(LanguageTags.multilingual("description", description, false, ClusterRules.MAX_TEXT));
        violations.addAll(ClusterRules.country(country, kind));
        violations.addAll(ClusterRules.foundedOn(foundedOn, today));
        violations.addAll(ClusterRules.website(website));
        violations.addAll(ClusterRules.focusAreas(focusAreas));
        violations.addAll(ClusterRules.leaders(leaders));
        violations.addAll(ClusterRules.members(id, kind, memberClusterIds));
        violations.addAll(ClusterRules.membershipReports(membershipReports));
        if (acronym != null && acronym.isBlank()) {
            violations.add(new Violation("acronym", "must not be blank; leave it out instead"));
        }
        return violations;
    }
}

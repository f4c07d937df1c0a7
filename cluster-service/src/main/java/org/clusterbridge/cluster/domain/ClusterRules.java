package org.clusterbridge.cluster.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.clusterbridge.rules.Countries;
import org.clusterbridge.rules.IdOrSlug;
import org.clusterbridge.rules.LanguageTags;
import org.clusterbridge.rules.Violation;

/**
 * The rules a cluster's own fields follow, whatever else exists in the registry. Rules that need the registry
 * (unique slug, existing and active alliance members) are checked by the service.
 */
public final class ClusterRules {

    private static final Pattern UUID_SHAPE = Pattern
            .compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    public static final int MAX_TEXT = 10_000;

    private ClusterRules() {
    }

    public static List<Violation> slug(String slug) {
        if (slug == null) {
            return List.of(new Violation("slug", "is required"));
        }
        if (!IdOrSlug.SLUG.matcher(slug).matches()) {
            return List.of(new Violation("slug", "must be lower-case letters and digits in words joined by '-'"));
        }
        if (UUID_SHAPE.matcher(slug).matches()) {
            return List.of(new Violation("slug", "must not look like a UUID: ids and slugs share the same paths"));
        }
        return List.of();
    }

    /** ISO 3166-1 alpha-2; an alliance across European countries may use the reserved code EU. */
    public static List<Violation> country(String country, ClusterKind kind) {
        return Countries.check("country", country, kind == ClusterKind.ALLIANCE);
    }

    public static List<Violation> foundedOn(FoundedOn foundedOn, LocalDate today) {
        if (foundedOn == null || foundedOn.date() == null || foundedOn.precision() == null) {
            return List.of();
        }
        LocalDate date = foundedOn.date();
        if (date.isAfter(today)) {
            return List.of(new Violation("foundedOn.date", "must not be in the future"));
        }
        if (foundedOn.precision() == DatePrecision.MONTH && date.getDayOfMonth() != 1) {
            return List.of(new Violation("foundedOn.date", "with precision MONTH must be the first of the month"));
        }
        if (foundedOn.precision() == DatePrecision.YEAR && date.getDayOfYear() != 1) {
            return List.of(new Violation("foundedOn.date", "with precision YEAR must be the first of January"));
        }
        return List.of();
    }

    public static List<Violation> website(String website) {
        if (website == null) {
            return List.of();
        }
        try {
            URI uri = new URI(website);
            String scheme = uri.getScheme();
            if (scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null) {
                return List.of();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return List.of(new Violation("website", "must be an absolute http or https URL"));
    }

    public static List<Violation> focusAreas(List<String> codes) {
        List<Violation> violations = new ArrayList<>();
        if (codes == null) {
            return violations;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (!FocusAreaTaxonomy.contains(code)) {
                violations.add(new Violation("focusAreas[" + i + "]",
                        "unknown focus area \"" + code + "\"; see GET /api/focus-areas"));
            } else if (!seen.add(code)) {
                violations.add(new Violation("focusAreas[" + i + "]", "is listed twice"));
            }
        }
        return violations;
    }

    public static List<Violation> leaders(List<Leader> leaders) {
        List<Violation> violations = new ArrayList<>();
        if (leaders == null) {
            return violations;
        }
        for (int i = 0; i < leaders.size(); i++) {
            Leader leader = leaders.get(i);
            if (leader != null) {
                violations.addAll(LanguageTags.multilingual("leaders[" + i + "].role", leader.role(), true, 300));
            }
        }
        return violations;
    }

    public static List<Violation> membershipReports(List<MembershipReport> reports) {
        List<Violation> violations = new ArrayList<>();
        if (reports == null) {
            return violations;
        }
        for (int i = 0; i < reports.size(); i++) {
            MembershipReport report = reports.get(i);
            if (report == null) {
                continue;
            }
            String field = "membershipReports[" + i + "]";
            if (report.total() == null && report.breakdown().isEmpty()) {
                violations.add(new Violation(field + ".total", "a report gives a total, a breakdown or both"));
            }
            Set<MemberCategory> categories = new HashSet<>();
            for (int j = 0; j < report.breakdown().size(); j++) {
                MembershipCount count = report.breakdown().get(j);
                if (count != null && count.category() != null && !categories.add(count.category())) {
                    violations.add(new Violation(field + ".breakdown[" + j + "].category", "is listed twice"));
                }
            }
            if (report.source() != null && report.source().language() != null
                    && !LanguageTags.isTag(report.source().language())) {
                violations.add(new Violation(field + ".source.language", "is not a BCP-47 language tag"));
            }
            if (report.source() != null && report.source().url() != null
                    && !website(report.source().url()).isEmpty()) {
                violations.add(new Violation(field + ".source.url", "must be an absolute http or https URL"));
            }
        }
        return violations;
    }

    /** Only an alliance has member clusters; a cluster is never its own member nor listed twice. */
    public static List<Violation> members(UUID self, ClusterKind kind, List<UUID> members) {
        List<Violation> violations = new ArrayList<>();
        if (members == null || members.isEmpty()) {
            return violations;
        }
        if (kind != ClusterKind.ALLIANCE) {
            violations.add(new Violation("memberClusterIds", "only an ALLIANCE has member clusters"));
            return violations;
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            UUID member = members.get(i);
            if (member == null) {
                violations.add(new Violation("memberClusterIds[" + i + "]", "must not be null"));
            } else if (member.equals(self)) {
                violations.add(new Violation("memberClusterIds[" + i + "]", "an alliance is not its own member"));
            } else if (!seen.add(member)) {
                violations.add(new Violation("memberClusterIds[" + i + "]", "is listed twice"));
            }
        }
        return violations;
    }
}

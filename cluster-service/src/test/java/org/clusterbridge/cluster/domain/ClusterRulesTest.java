package org.clusterbridge.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.rules.LanguageTags;
import org.clusterbridge.rules.Violation;
import org.junit.jupiter.api.Test;

class ClusterRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @Test
    void countriesAreIsoAlpha2InCapitals() {
        assertThat(ClusterRules.country("JP", ClusterKind.CLUSTER)).isEmpty();
        assertThat(ClusterRules.country("FR", ClusterKind.CLUSTER)).isEmpty();
        assertThat(ClusterRules.country("fr", ClusterKind.CLUSTER)).extracting(Violation::field).containsExactly("country");
        assertThat(ClusterRules.country("XX", ClusterKind.CLUSTER)).extracting(Violation::message).first().asString()
                .contains("unknown country");
        assertThat(ClusterRules.country("FRA", ClusterKind.CLUSTER)).hasSize(1);
        assertThat(ClusterRules.country(null, ClusterKind.CLUSTER)).extracting(Violation::message).containsExactly("is required");
        assertThat(ClusterRules.country("EU", ClusterKind.ALLIANCE)).isEmpty();
        assertThat(ClusterRules.country("EU", ClusterKind.CLUSTER)).extracting(Violation::message).first().asString()
                .contains("only for alliances");
    }

    @Test
    void slugsAreKebabCaseAndNeverUuids() {
        assertThat(ClusterRules.slug("medicen-paris-region")).isEmpty();
        assertThat(ClusterRules.slug("link-j")).isEmpty();
        assertThat(ClusterRules.slug("Link-J")).hasSize(1);
        assertThat(ClusterRules.slug("link--j")).hasSize(1);
        assertThat(ClusterRules.slug("-link")).hasSize(1);
        assertThat(ClusterRules.slug(UUID.randomUUID().toString())).extracting(Violation::message).first()
                .asString().contains("UUID");
    }

    @Test
    void multilingualTextNeedsEnglishAndLanguageTags() {
        assertThat(LanguageTags.multilingual("names", Map.of("en", "FBRI", "ja", "神戸医療産業都市推進機構"), true, 500))
                .isEmpty();
        assertThat(LanguageTags.multilingual("names", Map.of("en", "X", "zh-Hant-TW", "x", "fr-BE", "y"), true, 500))
                .isEmpty();
        assertThat(LanguageTags.multilingual("names", Map.of("ja", "名前"), true, 500)).extracting(Violation::field)
                .containsExactly("names.en");
        assertThat(LanguageTags.multilingual("names", null, true, 500)).extracting(Violation::field)
                .containsExactly("names");
        assertThat(LanguageTags.multilingual("description", null, false, 500)).isEmpty();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("en", "ok");
        bad.put("english language", "x");
        bad.put("fr", "");
        assertThat(LanguageTags.multilingual("names", bad, true, 500)).extracting(Violation::field)
                .containsExactly("names.english language", "names.fr");
        assertThat(LanguageTags.multilingual("names", Map.of("en", "x".repeat(501)), true, 500)).hasSize(1);
    }

    @Test
    void foundingDatesMatchTheirPrecision() {
        assertThat(ClusterRules.foundedOn(new FoundedOn(LocalDate.of(2005, 1, 3), DatePrecision.DAY), TODAY))
                .isEmpty();
        assertThat(ClusterRules.foundedOn(new FoundedOn(LocalDate.of(2013, 10, 1), DatePrecision.MONTH), TODAY))
                .isEmpty();
        assertThat(ClusterRules.foundedOn(new FoundedOn(LocalDate.of(2005, 1, 1), DatePrecision.YEAR), TODAY))
                .isEmpty();
        assertThat(ClusterRules.foundedOn(new FoundedOn(LocalDate.of(2013, 10, 2), DatePrecision.MONTH), TODAY))
                .hasSize(1);
        assertThat(ClusterRules.foundedOn(new FoundedOn(LocalDate.of(2005, 2, 1), DatePrecision.YEAR), TODAY))
                .hasSize(1);
        assertThat(ClusterRules.foundedOn(new FoundedOn(LocalDate.of(2025, 1, 1), DatePrecision.YEAR), TODAY))
                .extracting(Violation::message).containsExactly("must not be in the future");
        assertThat(ClusterRules.foundedOn(null, TODAY)).isEmpty();
    }

    @Test
    void focusAreasComeFromTheTaxonomyOnce() {
        assertThat(ClusterRules.focusAreas(List.of("biological-diagnostics", "regenerative-medicine"))).isEmpty();
        assertThat(ClusterRules.focusAreas(List.of("regenerative-medicine", "cosmetics", "regenerative-medicine")))
                .extracting(Violation::field).containsExactly("focusAreas[1]", "focusAreas[2]");
        assertThat(FocusAreaTaxonomy.AREAS).hasSize(11).allSatisfy(area -> assertThat(area.names())
                .containsKeys("en", "ja"));
    }

    @Test
    void onlyAlliancesHaveDistinctMembersOtherThanThemselves() {
        UUID self = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        assertThat(ClusterRules.members(self, ClusterKind.ALLIANCE, List.of(member))).isEmpty();
        assertThat(ClusterRules.members(self, ClusterKind.CLUSTER, List.of())).isEmpty();
        assertThat(ClusterRules.members(self, ClusterKind.CLUSTER, List.of(member))).extracting(Violation::field)
                .containsExactly("memberClusterIds");
        assertThat(ClusterRules.members(self, ClusterKind.ALLIANCE, List.of(member, self, member)))
                .extracting(Violation::field).containsExactly("memberClusterIds[1]", "memberClusterIds[2]");
    }

    @Test
    void websitesAreAbsoluteHttpUrls() {
        assertThat(ClusterRules.website("https://www.link-j.org/")).isEmpty();
        assertThat(ClusterRules.website(null)).isEmpty();
        assertThat(ClusterRules.website("www.link-j.org")).hasSize(1);
        assertThat(ClusterRules.website("javascript:alert(1)")).hasSize(1);
        assertThat(ClusterRules.website("https://exa mple.org")).hasSize(1);
    }

    @Test
    void membershipReportsGiveATotalOrABreakdownWithDistinctCategories() {
        SourceDocument source = new SourceDocument("LINK-J news release", "LINK-J", "ja", null, null);
        MembershipReport nearly400 = new MembershipReport(LocalDate.of(2019, 1, 1), 400, Approximation.ABOUT, null,
                source, null);
        MembershipReport empty = new MembershipReport(LocalDate.of(2019, 1, 1), null, null, null, source, null);
        MembershipReport twice = new MembershipReport(LocalDate.of(2019, 1, 1), null, null,
                List.of(new MembershipCount(MemberCategory.LARGE_COMPANIES, 40, null),
                        new MembershipCount(MemberCategory.LARGE_COMPANIES, 41, null)),
                new SourceDocument("t", null, "not a language!", null, "nowhere"), null);
        assertThat(ClusterRules.membershipReports(List.of(nearly400))).isEmpty();
        assertThat(new MembershipReport(LocalDate.of(2019, 1, 1), 238, null, null, source, null).approximation())
                .isEqualTo(Approximation.EXACT);
        assertThat(ClusterRules.membershipReports(List.of(nearly400, empty, twice))).extracting(Violation::field)
                .containsExactly("membershipReports[1].total", "membershipReports[2].breakdown[1].category",
                        "membershipReports[2].source.language", "membershipReports[2].source.url");
    }
}

package org.clusterbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.clusterbridge.system.Http.Reply;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The local stack, started on a fresh data folder, holds every cluster, agreement and figure of the seed files
 * (compared with the files themselves), and importing them again adds nothing. Against compose, where nothing
 * imports the seeds, the first import is done here.
 */
@SystemTest
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedDataIT {

    private final TheSystem system = TheSystem.get();
    private final ClusterBridge api = new ClusterBridge(system);
    private final SeedFiles seeds = new SeedFiles(api);

    @Test
    @Order(1)
    void everySeedClusterAgreementAndFigureIsThereAfterStart() {
        assertThat(TheSystem.seedFailure()).as("the local stack's seed import at start").isEmpty();
        assertThat(List.of(SeedFiles.CLUSTERS, SeedFiles.AGREEMENTS, SeedFiles.FIGURES)).allSatisfy(
                file -> assertThat(SeedFiles.exists(file)).as("seed file %s", file).isTrue());
        if (!system.isLocalStack()) {
            importSeeds();
        }
        assertEverySeedItemIsStoredOnce();
        Report.line("seed data present after start: %d clusters, %d agreements, %d funding figures",
                SeedFiles.items(SeedFiles.CLUSTERS).size(), SeedFiles.items(SeedFiles.AGREEMENTS).size(),
                SeedFiles.items(SeedFiles.FIGURES).size());
    }

    @Test
    @Order(2)
    void importingTheSeedsAgainDuplicatesNothing() {
        assertThat(TheSystem.seedFailure()).as("the local stack's seed import at start").isEmpty();
        long clusters = ClusterBridge.total(api.clusters());
        long agreements = ClusterBridge.total(api.agreements());
        long figures = ClusterBridge.total(api.figures());
        Map<String, Long> clusterVersions = ClusterBridge.versions(api.clusters());
        Map<String, Long> agreementVersions = ClusterBridge.versions(api.agreements());
        Map<String, Long> figureVersions = ClusterBridge.versions(api.figures());

        List<Reply> replies = importSeeds();
        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as("%s", reply).isEqualTo(409));

        assertThat(ClusterBridge.total(api.clusters())).isEqualTo(clusters);
        assertThat(ClusterBridge.total(api.agreements())).isEqualTo(agreements);
        assertThat(ClusterBridge.total(api.figures())).isEqualTo(figures);
        assertThat(ClusterBridge.versions(api.clusters())).isEqualTo(clusterVersions);
        assertThat(ClusterBridge.versions(api.agreements())).isEqualTo(agreementVersions);
        assertThat(ClusterBridge.versions(api.figures())).isEqualTo(figureVersions);
        assertEverySeedItemIsStoredOnce();
        Report.line("second seed import: %d items posted, all 409 Conflict, totals unchanged (%d clusters, "
                + "%d agreements, %d figures)", replies.size(), clusters, agreements, figures);
    }

    @Test
    @Order(3)
    void linkJsSummaryShowsTheOverseasPartnersConflictWithBothSources() {
        assertThat(TheSystem.seedFailure()).as("the local stack's seed import at start").isEmpty();
        List<JsonNode> overseasSeeds = SeedFiles.items(SeedFiles.FIGURES).stream()
                .filter(f -> f.path("clusterId").asText().equals("@cluster:link-j")
                        && f.path("indicator").asText().equals("overseas-cooperation-partners"))
                .toList();
        assertThat(overseasSeeds).extracting(f -> f.path("value").path("count").asLong()).containsExactly(8L, 6L);

        JsonNode summary = api.fundingSummary("link-j");
        JsonNode partners = indicator(summary, "cooperation-partners");
        assertThat(partners.path("series")).extracting(point -> point.path("value").path("count").asLong())
                .containsExactly(16L, 16L);
        assertThat(partners.path("conflicts")).as("16 and 16 agree").isEmpty();

        JsonNode overseas = indicator(summary, "overseas-cooperation-partners");
        assertThat(overseas.path("series")).as("both figures stay in the series").hasSize(2);
        assertThat(overseas.path("conflicts")).hasSize(1);
        JsonNode conflict = overseas.path("conflicts").get(0);
        assertThat(conflict.path("nature").asText()).isEqualTo("ACTUAL");
        assertThat(conflict.path("period").path("kind").asText()).isEqualTo("AS_OF");
        assertThat(conflict.path("period").path("end").asText()).isEqualTo("2020-02-05");
        List<JsonNode> reports = new ArrayList<>();
        conflict.path("reports").forEach(reports::add);
        assertThat(reports).extracting(r -> r.path("value").path("count").asLong()).containsExactly(8L, 6L);
        for (int i = 0; i < reports.size(); i++) {
            JsonNode source = reports.get(i).path("source");
            JsonNode seedSource = overseasSeeds.get(i).path("source");
            assertThat(source).as("source of the %s overseas figure", seedSource.path("language").asText())
                    .isEqualTo(seedSource);
        }
        assertThat(reports).extracting(r -> r.path("source").path("language").asText()).containsExactly("ja", "en");
        Report.line("LINK-J's overseas cooperation partners: %s (%s) and %s (%s), shown as a conflict of %s",
                reports.get(0).path("value").path("count"), reports.get(0).path("source").path("language").asText(),
                reports.get(1).path("value").path("count"), reports.get(1).path("source").path("language").asText(),
                conflict.path("period").path("end").asText());
    }

    @Test
    @Order(4)
    void theDataQualityListShowsMedicensJumpAndLinkJsConflict() {
        assertThat(TheSystem.seedFailure()).as("the local stack's seed import at start").isEmpty();
        List<JsonNode> concerns = ClusterBridge.all(system.fundingService() + "/api/data-quality");
        assertThat(concerns).as("Medicen's total investment, about 1.9 bn then about 21 bn").anySatisfy(item -> {
            assertThat(item.path("kind").asText()).isEqualTo("IMPLAUSIBLE_JUMP");
            assertThat(item.path("slug").asText()).isEqualTo("medicen-paris-region");
            assertThat(item.path("indicator").asText()).isEqualTo("total-investment");
            assertThat(item.path("reports")).extracting(r -> r.path("value").path("amount").asText())
                    .containsExactly("1900000000", "21000000000");
            assertThat(item.path("reports")).allSatisfy(r -> assertThat(r.path("source").path("title").asText())
                    .isNotBlank());
        });
        assertThat(concerns).as("LINK-J's overseas partners, 8 (ja) and 6 (en)").anySatisfy(item -> {
            assertThat(item.path("kind").asText()).isEqualTo("CONFLICT");
            assertThat(item.path("slug").asText()).isEqualTo("link-j");
            assertThat(item.path("indicator").asText()).isEqualTo("overseas-cooperation-partners");
            assertThat(item.path("reports")).extracting(r -> r.path("value").path("count").asLong()
                    + " " + r.path("source").path("language").asText()).containsExactlyInAnyOrder("8 ja", "6 en");
        });
        assertThat(concerns).as("16 and 16 partners agree").noneSatisfy(item -> assertThat(
                item.path("slug").asText() + " " + item.path("indicator").asText())
                .isEqualTo("link-j cooperation-partners"));
        Report.line("data-quality list: %d concerns, Medicen's total-investment jump and LINK-J's overseas "
                + "partners conflict among them", concerns.size());
    }

    private static JsonNode indicator(JsonNode summary, String code) {
        for (JsonNode indicator : summary.path("indicators")) {
            if (indicator.path("indicator").asText().equals(code)) {
                return indicator;
            }
        }
        throw new AssertionError("the summary has no " + code + ": " + summary);
    }

    private List<Reply> importSeeds() {
        List<Reply> replies = new ArrayList<>(seeds.importAll(SeedFiles.CLUSTERS, api.clusters()));
        replies.addAll(seeds.importAll(SeedFiles.AGREEMENTS, api.agreements()));
        replies.addAll(seeds.importAll(SeedFiles.FIGURES, api.figures()));
        return replies;
    }

    private void assertEverySeedItemIsStoredOnce() {
        List<JsonNode> storedClusters = ClusterBridge.all(api.clusters());
        for (JsonNode seed : SeedFiles.items(SeedFiles.CLUSTERS)) {
            String slug = seed.path("slug").asText();
            List<JsonNode> same = storedClusters.stream().filter(c -> c.path("slug").asText().equals(slug)).toList();
            assertThat(same).as("clusters with seed slug %s", slug).hasSize(1);
            JsonNode stored = same.get(0);
            assertThat(stored.path("names")).as("names of %s", slug).isEqualTo(seed.path("names"));
            assertThat(stored.path("kind").asText()).isEqualTo(seed.path("kind").asText());
            assertThat(stored.path("country").asText()).isEqualTo(seed.path("country").asText());
            JsonNode resolved = seeds.resolved(seed);
            assertThat(set(stored.path("memberClusterIds"))).as("members of %s", slug)
                    .isEqualTo(set(resolved.path("memberClusterIds")));
            assertThat(stored.path("membershipReports").size()).as("membership reports of %s", slug)
                    .isEqualTo(seed.path("membershipReports").size());
        }

        List<JsonNode> storedAgreements = ClusterBridge.all(api.agreements());
        for (JsonNode seed : SeedFiles.items(SeedFiles.AGREEMENTS)) {
            String reference = seed.path("reference").asText();
            List<JsonNode> same = storedAgreements.stream()
                    .filter(a -> a.path("reference").asText().equals(reference)).toList();
            assertThat(same).as("agreements with seed reference %s", reference).hasSize(1);
            JsonNode stored = same.get(0);
            JsonNode resolved = seeds.resolved(seed);
            assertThat(stored.path("title").path("en").asText()).isEqualTo(seed.path("title").path("en").asText());
            assertThat(stored.path("signedOn").asText()).isEqualTo(seed.path("signedOn").asText());
            assertThat(partyIds(stored)).as("parties of %s", reference).isEqualTo(partyIds(resolved));
            assertThat(ClusterBridge.texts(stored.path("sources"), "title")).as("sources of %s", reference)
                    .containsExactlyInAnyOrderElementsOf(ClusterBridge.texts(seed.path("sources"), "title"));
        }

        List<JsonNode> storedFigures = ClusterBridge.all(api.figures());
        for (JsonNode seed : SeedFiles.items(SeedFiles.FIGURES)) {
            JsonNode resolved = seeds.resolved(seed);
            List<JsonNode> same = storedFigures.stream().filter(f -> sameFigure(resolved, f)).toList();
            if (same.size() != 1) {
                fail("seed figure %s %s of %s (%s) is stored %d times", seed.path("indicator").asText(),
                        seed.path("value"), seed.path("clusterId").asText(), seed.path("period"), same.size());
            }
            assertThat(same.get(0).path("source").path("title").asText()).isNotBlank();
        }
    }

    /** A stored figure is a seed figure when everything the seed states about it is what the API shows. */
    private static boolean sameFigure(JsonNode seed, JsonNode stored) {
        if (!seed.path("clusterId").asText().equals(stored.path("clusterId").asText())
                || !seed.path("indicator").asText().equals(stored.path("indicator").asText())
                || !seed.path("nature").asText().equals(stored.path("nature").asText())
                || !seed.path("source").path("title").asText().equals(stored.path("source").path("title").asText())) {
            return false;
        }
        JsonNode value = seed.path("value");
        JsonNode shown = stored.path("value");
        for (String number : List.of("count", "amount")) {
            if (value.has(number) && (!shown.has(number)
                    || new BigDecimal(value.get(number).asText()).compareTo(new BigDecimal(shown.get(number).asText())) != 0)) {
                return false;
            }
        }
        if (value.has("currency") && !value.path("currency").asText().equals(shown.path("currency").asText())) {
            return false;
        }
        JsonNode period = seed.path("period");
        for (String field : List.of("kind", "date", "since", "asOf", "start", "end")) {
            if (period.has(field) && !period.get(field).asText().equals(stored.path("period").path(field).asText())) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> partyIds(JsonNode agreement) {
        Set<String> ids = new HashSet<>();
        agreement.path("parties").forEach(p -> {
            ids.add(p.path("clusterId").asText());
            p.path("coSigners").forEach(c -> ids.add(c.isObject() ? c.path("clusterId").asText() : c.asText()));
        });
        return ids;
    }

    private static Set<String> set(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values.stream().collect(Collectors.toSet());
    }
}

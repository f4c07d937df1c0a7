package org.clusterbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.clusterbridge.system.ClusterBridge.PROPAGATION;
import static org.clusterbridge.system.ClusterBridge.countFigure;
import static org.clusterbridge.system.ClusterBridge.moneyFigure;
import static org.clusterbridge.system.ClusterBridge.party;
import static org.clusterbridge.system.ClusterBridge.slug;
import static org.clusterbridge.system.ClusterBridge.texts;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.clusterbridge.system.Http.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * What a partner system sees when it writes to one service and reads the consequence from another. Every read of
 * another service's view waits, boundedly, for the events to arrive.
 */
@SystemTest
@Order(2)
class CrossServiceScenariosIT {

    private final ClusterBridge api = new ClusterBridge(TheSystem.get());
    private long started;

    @BeforeEach
    void clock() {
        started = System.nanoTime();
    }

    @AfterEach
    void report(TestInfo test) {
        Report.line("scenario passed: %s (%.1f s)", test.getDisplayName(), (System.nanoTime() - started) / 1e9);
    }

    @Test
    void profileShowsAgreementCountPartnersAndLatestFigures() {
        JsonNode paris = api.registerCluster("paris-medtech", "Paris Medtech Cluster", "FR");
        JsonNode kobe = api.registerCluster("kobe-biomedical", "Kobe Biomedical Cluster", "JP");
        JsonNode wallonia = api.registerCluster("wallonia-life", "Wallonia Life Sciences", "BE");
        String parisId = paris.path("id").asText();

        JsonNode mou1 = api.signAgreement(slug("MOU-PK"), party(parisId), party(kobe.path("id").asText()));
        JsonNode mou2 = api.signAgreement(slug("MOU-PW"), party(parisId), party(wallonia.path("id").asText()));
        api.recordFigure(countFigure(parisId, "projects-certified", 305, "2019-12-31", "Cluster profile 2019"));
        JsonNode latest = api.recordFigure(countFigure(parisId, "projects-certified", 383, "2020-02-05",
                "Press release of 2020-02-05"));
        JsonNode investment = api.recordFigure(moneyFigure(parisId, "total-investment", "1900000000", "EUR",
                "2020-02-05", "Press release of 2020-02-05"));

        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode profile = api.profile(paris.path("slug").asText());
            assertThat(profile.path("cluster").path("id").asText()).isEqualTo(parisId);
            JsonNode agreements = profile.path("agreements");
            assertThat(agreements.path("count").asInt()).isEqualTo(2);
            assertThat(texts(agreements.path("items"), "id")).containsExactlyInAnyOrder(mou1.path("id").asText(),
                    mou2.path("id").asText());
            assertThat(texts(agreements.path("partners"), "clusterId")).containsExactlyInAnyOrder(
                    kobe.path("id").asText(), wallonia.path("id").asText());
            assertThat(agreements.path("partners").findValuesAsText("en")).contains("Kobe Biomedical Cluster",
                    "Wallonia Life Sciences");
            JsonNode figures = profile.path("latestFigures");
            JsonNode projects = only(figures, "projects-certified");
            assertThat(projects.path("figureId").asText()).isEqualTo(latest.path("id").asText());
            assertThat(projects.path("value").path("count").asLong()).isEqualTo(383);
            JsonNode money = only(figures, "total-investment");
            assertThat(money.path("figureId").asText()).isEqualTo(investment.path("id").asText());
            assertThat(new java.math.BigDecimal(money.path("value").path("amount").asText()))
                    .isEqualByComparingTo("1900000000");
            assertThat(money.path("value").path("currency").asText()).isEqualTo("EUR");
        });
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode agreements = api.profile(kobe.path("id").asText()).path("agreements");
            assertThat(agreements.path("count").asInt()).isEqualTo(1);
            assertThat(texts(agreements.path("partners"), "clusterId")).containsExactly(parisId);
        });
    }

    @Test
    void renamedClusterShowsItsNewNameInAgreementsAndFundingSummaries() {
        JsonNode lyon = api.registerCluster("lyon-health", "Lyon Health Cluster", "FR");
        JsonNode tokyo = api.registerCluster("tokyo-life", "Tokyo Life Science Hub", "JP");
        String lyonId = lyon.path("id").asText();
        JsonNode mou = api.signAgreement(slug("MOU-LT"), party(lyonId), party(tokyo.path("id").asText()));
        api.recordFigure(countFigure(lyonId, "members", 210, "2023-12-31", "Annual report 2023"));
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(api.fundingSummary(lyonId).path("clusterNames")
                .path("en").asText()).isEqualTo("Lyon Health Cluster"));

        Reply renamed = api.renameCluster(api.cluster(lyonId), "Lyonbiopole Auvergne-Rhone-Alpes");
        assertThat(renamed.status()).as("%s", renamed).isEqualTo(200);
        assertThat(renamed.json().path("names").path("en").asText()).isEqualTo("Lyonbiopole Auvergne-Rhone-Alpes");

        String newName = "Lyonbiopole Auvergne-Rhone-Alpes";
        await().atMost(PROPAGATION).untilAsserted(() -> {
            JsonNode agreement = api.agreement(mou.path("id").asText());
            assertThat(partyNamed(agreement, lyonId).path("names").path("en").asText()).isEqualTo(newName);
            JsonNode listed = api.clusterAgreements(tokyo.path("id").asText()).path("items");
            assertThat(listed).hasSize(1);
            assertThat(partyNamed(listed.get(0), lyonId).path("names").path("en").asText()).isEqualTo(newName);
            assertThat(api.fundingSummary(lyonId).path("clusterNames").path("en").asText()).isEqualTo(newName);
        });
    }

    @Test
    void retiredClusterIsRefusedInNewAgreementsAndFiguresWhileOldOnesStayReadable() {
        JsonNode leaving = api.registerCluster("leaving-cluster", "Leaving Cluster", "DE");
        JsonNode staying = api.registerCluster("staying-cluster", "Staying Cluster", "JP");
        String leavingId = leaving.path("id").asText();
        String stayingId = staying.path("id").asText();
        JsonNode oldMou = api.signAgreement(slug("MOU-OLD"), party(leavingId), party(stayingId));
        JsonNode oldFigure = api.recordFigure(countFigure(leavingId, "jobs-created", 40, "2022-12-31", "Report 2022"));

        JsonNode retired = api.retireCluster(leavingId);
        assertThat(retired.path("status").asText()).isEqualTo("RETIRED");
        // Both services learn of the retirement from cluster-events; until then they cannot know.
        await().atMost(PROPAGATION).untilAsserted(() -> {
            assertThat(partyNamed(api.agreement(oldMou.path("id").asText()), leavingId).path("status").asText())
                    .isEqualTo("RETIRED");
            assertThat(api.fundingSummary(leavingId).path("status").asText()).isEqualTo("RETIRED");
        });

        long agreementsBefore = ClusterBridge.total(api.agreements());
        long figuresBefore = ClusterBridge.total(api.figures());
        Reply agreement = Http.post(api.agreements(), ClusterBridge.agreementRequest(slug("MOU-NEW"),
                List.of(party(stayingId), party(leavingId))));
        assertRefusedNaming(agreement, "parties[1].clusterId");
        Reply figure = Http.post(api.figures(), countFigure(leavingId, "jobs-created", 45, "2023-12-31",
                "Report 2023"));
        assertRefusedNaming(figure, "clusterId");
        assertThat(ClusterBridge.total(api.agreements())).isEqualTo(agreementsBefore);
        assertThat(ClusterBridge.total(api.figures())).isEqualTo(figuresBefore);

        assertThat(api.cluster(leavingId).path("status").asText()).isEqualTo("RETIRED");
        assertThat(api.agreement(oldMou.path("id").asText()).path("reference").asText())
                .isEqualTo(oldMou.path("reference").asText());
        assertThat(api.figure(oldFigure.path("id").asText()).path("value").path("count").asLong()).isEqualTo(40);
        assertThat(texts(api.clusterAgreements(leavingId).path("items"), "id"))
                .containsExactly(oldMou.path("id").asText());
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(api.profile(leavingId).path("agreements")
                .path("count").asInt()).isEqualTo(1));
    }

    @Test
    void agreementSignedByAnAllianceAppearsForEachMemberCluster() {
        JsonNode turin = api.registerCluster("turin-bio", "Turin Bio Cluster", "IT");
        JsonNode liege = api.registerCluster("liege-bio", "Liege Bio Cluster", "BE");
        JsonNode kiel = api.registerCluster("kiel-life", "Kiel Life Science Nord", "DE");
        List<String> members = List.of(turin.path("id").asText(), liege.path("id").asText(), kiel.path("id").asText());
        ObjectNode allianceRequest = ClusterBridge.clusterRequest(slug("euro-alliance"), "European Bio Alliance", "BE",
                "ALLIANCE");
        members.forEach(allianceRequest.putArray("memberClusterIds")::add);
        JsonNode alliance = api.registerCluster(allianceRequest);
        JsonNode partner = api.registerCluster("osaka-bio", "Osaka Bio Headquarters", "JP");
        String allianceId = alliance.path("id").asText();

        // Two members co-sign for the alliance; the third is a member all the same.
        JsonNode mou = api.signAgreement(slug("MOU-ALLIANCE"), party(allianceId, members.get(0), members.get(1)),
                party(partner.path("id").asText()));
        String mouId = mou.path("id").asText();

        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (String member : members) {
                assertThat(texts(api.clusterAgreements(member).path("items"), "id")).as("agreements of member %s",
                        member).containsExactly(mouId);
            }
            assertThat(texts(api.clusterAgreements(allianceId).path("items"), "id")).containsExactly(mouId);
            assertThat(texts(api.clusterAgreements(partner.path("id").asText()).path("items"), "id"))
                    .containsExactly(mouId);
        });
        await().atMost(PROPAGATION).untilAsserted(() -> assertThat(texts(api.profile(allianceId).path("agreements")
                .path("items"), "id")).containsExactly(mouId));
    }

    static void assertRefusedNaming(Reply reply, String field) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(422);
        assertThat(reply.isProblem()).as("%s", reply).isTrue();
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(texts(problem.path("errors"), "field")).as("%s", reply).contains(field);
        assertThat(reply.body().toLowerCase()).contains("retired");
    }

    private static JsonNode only(JsonNode figures, String indicator) {
        List<JsonNode> matching = new java.util.ArrayList<>();
        figures.forEach(f -> {
            if (f.path("indicator").asText().equals(indicator) && f.path("nature").asText().equals("ACTUAL")) {
                matching.add(f);
            }
        });
        assertThat(matching).as("latest %s figures in %s", indicator, figures).hasSize(1);
        return matching.get(0);
    }

    private static JsonNode partyNamed(JsonNode agreement, String clusterId) {
        for (JsonNode party : agreement.path("parties")) {
            if (party.path("clusterId").asText().equals(clusterId)) {
                return party;
            }
        }
        throw new AssertionError("no party " + clusterId + " in " + agreement);
    }
}

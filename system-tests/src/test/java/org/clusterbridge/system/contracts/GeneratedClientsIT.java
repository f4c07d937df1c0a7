package org.clusterbridge.system.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.clusterbridge.client.cluster.api.ClustersApi;
import org.clusterbridge.client.cluster.model.ClusterDetails;
import org.clusterbridge.client.cluster.model.ClusterFacet;
import org.clusterbridge.client.cluster.model.ClusterKind;
import org.clusterbridge.client.cluster.model.ClusterPage;
import org.clusterbridge.client.cluster.model.ClusterProfileResponse;
import org.clusterbridge.client.cluster.model.ClusterState;
import org.clusterbridge.client.funding.api.FundingFiguresApi;
import org.clusterbridge.client.funding.model.FundingFigureRequest;
import org.clusterbridge.client.funding.model.FundingFigureResponse;
import org.clusterbridge.client.funding.model.FundingSummary;
import org.clusterbridge.client.funding.model.Nature;
import org.clusterbridge.client.funding.model.PeriodInput;
import org.clusterbridge.client.funding.model.Value;
import org.clusterbridge.client.mou.api.AgreementsApi;
import org.clusterbridge.client.mou.model.AgreementKind;
import org.clusterbridge.client.mou.model.AgreementRepresentation;
import org.clusterbridge.client.mou.model.AgreementRequest;
import org.clusterbridge.client.mou.model.PartyInput;
import org.clusterbridge.system.Report;
import org.clusterbridge.system.SystemTest;
import org.clusterbridge.system.TheSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A partner's scenario through the Java clients OpenAPI Generator makes from the committed documents (see the
 * generator's executions in this module's pom): nothing but the generated types and methods, against the running
 * system.
 */
@SystemTest
@Order(4)
class GeneratedClientsIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private final TheSystem system = TheSystem.get();
    private final ClustersApi clusters = new ClustersApi(cluster(system.clusterService(),
            system.tokens().editor()));
    private final AgreementsApi agreements = new AgreementsApi(mou(system.mouService(), system.tokens().editor()));
    private final FundingFiguresApi figures = new FundingFiguresApi(funding(system.fundingService(),
            system.tokens().editor()));

    @Test
    void aPartnerScenarioRunsThroughTheGeneratedClients() throws Exception {
        // find Medicen by q with the country facet, and read its profile
        ClusterPage found = clusters.listClusters(null, List.of(ClusterFacet.COUNTRY), null, null, 0, "Medicen", 20,
                null, null);
        assertThat(found.getFacets().get("country")).anySatisfy(count -> {
            assertThat(count.getValue()).isEqualTo("FR");
            assertThat(count.getCount()).isPositive();
        });
        ClusterState medicen = found.getItems().stream().filter(c -> "medicen-paris-region".equals(c.getSlug()))
                .findFirst().orElseThrow(() -> new AssertionError("Medicen not found by q: " + found));
        ClusterProfileResponse profile = clusters.getClusterProfile(medicen.getSlug());
        assertThat(profile.getCluster().getId()).isEqualTo(medicen.getId());
        step("found %s by q (%d of %d; countries %s) and read its profile: %d agreements",
                medicen.getNames().get("en"), found.getItems().size(), found.getTotal(),
                found.getFacets().get("country").stream().map(c -> c.getValue() + "=" + c.getCount()).toList(),
                profile.getAgreements().getCount());

        // register a cluster, then update it with the version read
        String slug = "generated-client-" + UUID.randomUUID().toString().substring(0, 8);
        ClusterState registered = clusters.registerCluster(new ClusterDetails().slug(slug)
                .names(Map.of("en", "Generated Client Cluster", "ja", "生成クライアント")).kind(ClusterKind.CLUSTER)
                .country("JP").focusAreas(List.of("digital-health")));
        assertThat(registered.getVersion()).isEqualTo(1);
        ClusterState updated = clusters.updateCluster(slug, "\"" + registered.getVersion() + "\"",
                new ClusterDetails().slug(slug).names(Map.of("en", "Generated Client Cluster", "ja", "生成クライアント"))
                        .acronym("GCC").kind(ClusterKind.CLUSTER).country("JP")
                        .focusAreas(List.of("digital-health", "medical-devices")));
        assertThat(updated.getVersion()).isEqualTo(2);
        assertThat(updated.getAcronym()).isEqualTo("GCC");
        step("registered %s and updated it to version %d", updated.getSlug(), updated.getVersion());

        // sign an agreement between it and Medicen, once mou-service has the new cluster in its view
        AgreementRepresentation signed = eventually(() -> agreements.signAgreement(new AgreementRequest()
                .reference("GEN-" + slug).title(Map.of("en", "Generated client MOU")).kind(AgreementKind.MOU)
                .parties(List.of(new PartyInput().clusterId(updated.getId()),
                        new PartyInput().clusterId(medicen.getId())))
                .signedOn(LocalDate.of(2024, 3, 22))));
        assertThat(signed.getParties()).hasSize(2);
        step("signed %s, status %s", signed.getReference(), signed.getStatus());

        // record a figure, once funding-service knows the cluster, and read the funding summary
        FundingFigureResponse figure = eventually(() -> figures.recordFundingFigure(new FundingFigureRequest()
                .clusterId(updated.getId()).indicator("projects-certified").nature(Nature.ACTUAL)
                .value(new Value().count(12)).period(new PeriodInput().asOf(LocalDate.of(2024, 3, 31)))
                .source(new org.clusterbridge.client.funding.model.SourceInput().title("Generated client report")
                        .publisher("ClusterBridge system tests").language("en"))));
        FundingSummary summary = figures.getFundingSummary(updated.getId().toString());
        assertThat(summary.getIndicators()).anySatisfy(indicator -> {
            assertThat(indicator.getIndicator()).isEqualTo("projects-certified");
            assertThat(indicator.getLatestActual()).isNotNull();
        });
        step("recorded figure %s (version %d); the summary has %d indicators", figure.getId(), figure.getVersion(),
                summary.getIndicators().size());

        // a bad request: the problem's errors[] read through the generated Problem type
        org.clusterbridge.client.cluster.ApiException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.clusterbridge.client.cluster.ApiException.class,
                () -> clusters.registerCluster(new ClusterDetails().slug("Not A Slug!").names(Map.of("en", "Bad"))
                        .kind(ClusterKind.CLUSTER).country("ZZ")));
        assertThat(refused.getCode()).isEqualTo(400);
        org.clusterbridge.client.cluster.model.Problem problem = new org.clusterbridge.client.cluster.ApiClient()
                .getObjectMapper().readValue(refused.getResponseBody(),
                        org.clusterbridge.client.cluster.model.Problem.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).extracting(org.clusterbridge.client.cluster.model.FieldError::getField)
                .contains("slug", "country");
        step("a bad registration is a %d problem naming %s", problem.getStatus(),
                problem.getErrors().stream().map(e -> e.getField() + ": " + e.getMessage()).toList());
    }

    /** A call that another service's view must catch up for: retried while it answers 422. */
    private static <T> T eventually(Callable<T> call) {
        return await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).ignoreExceptionsMatching(
                e -> e.getMessage() != null && e.getMessage().contains("422")).until(call, result -> result != null);
    }

    private static void step(String format, Object... args) {
        Report.line("generated clients: " + format, args);
    }

    private static org.clusterbridge.client.cluster.ApiClient cluster(String url, String token) {
        org.clusterbridge.client.cluster.ApiClient client = new org.clusterbridge.client.cluster.ApiClient();
        client.updateBaseUri(url);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static org.clusterbridge.client.mou.ApiClient mou(String url, String token) {
        org.clusterbridge.client.mou.ApiClient client = new org.clusterbridge.client.mou.ApiClient();
        client.updateBaseUri(url);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private static org.clusterbridge.client.funding.ApiClient funding(String url, String token) {
        org.clusterbridge.client.funding.ApiClient client = new org.clusterbridge.client.funding.ApiClient();
        client.updateBaseUri(url);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}

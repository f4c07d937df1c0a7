package org.clusterbridge.dashboard.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.dashboard.registry.Agreement;
import org.clusterbridge.dashboard.registry.AgreementList;
import org.clusterbridge.dashboard.registry.Catalogues;
import org.clusterbridge.dashboard.registry.Cluster;
import org.clusterbridge.dashboard.registry.Fetched;
import org.clusterbridge.dashboard.registry.Figure;
import org.clusterbridge.dashboard.registry.FundingSummary;
import org.clusterbridge.dashboard.registry.RegistryClient;
import org.clusterbridge.dashboard.registry.Service;
import org.clusterbridge.dashboard.registry.Text;

import io.quarkus.qute.TemplateInstance;

/**
 * One cluster: its profile and leaders, its membership reports side by side with their sources, its agreements on a
 * timeline (those signed through an alliance included), and every funding indicator as a chart of its series
 * against its targets, each point's source named, plausibility flags and conflicting reports shown.
 */
@Path("/clusters/{key}")
public class ClusterResource {

    /** Another cluster named on the page (a member, an alliance). */
    public record Ref(String slug, Text names) {
    }

    /** An indicator with the data its chart draws. */
    public record Indicator(FundingSummary.IndicatorSummary summary, String chart) {
    }

    public record ClusterPage(Cluster cluster, List<Ref> members, List<Ref> alliances, List<Text> focusAreas,
            List<Agreement> agreements, boolean agreementsKnown, String timeline, List<Indicator> indicators,
            boolean fundingKnown) {
    }

    private final RegistryClient registry;
    private final Catalogues catalogues;
    private final Charts charts;
    private final Visitor visitor;

    ClusterResource(RegistryClient registry, Catalogues catalogues, Charts charts, Visitor visitor) {
        this.registry = registry;
        this.catalogues = catalogues;
        this.charts = charts;
        this.visitor = visitor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance cluster(@Context UriInfo uri, @PathParam("key") String key) {
        String k = Filters.key(key);
        Fetched<Cluster> found = registry.getNow(Service.CLUSTERS, "/api/clusters/" + k).map(Cluster::of);
        if (found.notFound()) {
            throw new NotFoundException("cluster " + k);
        }
        if (!found.present()) {
            throw new ServiceDownException(Service.CLUSTERS, words -> words.what_cluster(k));
        }
        Cluster cluster = found.value();
        String id = RegistryClient.segment(cluster.id());
        CompletableFuture<Fetched<AgreementList>> agreements = registry.get(Service.AGREEMENTS,
                "/api/clusters/" + id + "/agreements?size=200").thenApply(f -> f.map(AgreementList::of));
        CompletableFuture<Fetched<FundingSummary>> funding = registry.get(Service.FUNDING,
                "/api/clusters/" + id + "/funding-summary").thenApply(f -> f.map(FundingSummary::of));
        Map<String, CompletableFuture<Fetched<Cluster>>> related = new LinkedHashMap<>();
        for (String other : concat(cluster.memberClusterIds(), cluster.allianceIds())) {
            related.computeIfAbsent(other, o -> registry.get(Service.CLUSTERS, "/api/clusters/"
                    + RegistryClient.segment(o)).thenApply(f -> f.map(Cluster::of)));
        }
        Fetched<AgreementList> signed = agreements.join();
        Fetched<FundingSummary> summary = funding.join();
        List<Agreement> list = signed.optional().map(AgreementList::items).orElse(List.of());
        List<Indicator> indicators = summary.optional().map(s -> s.indicators().stream()
                .map(i -> new Indicator(i, charts.json(series(i, visitor.language())))).toList()).orElse(List.of());
        String language = visitor.language();
        ClusterPage model = new ClusterPage(cluster, refs(cluster.memberClusterIds(), related),
                refs(cluster.allianceIds(), related), cluster.focusAreas().stream().map(catalogues::focusArea).toList(),
                list, signed.present(), charts.json(timeline(list, language)), indicators,
                summary.present() || summary.notFound());
        return Templates.cluster(Frame.of("clusters", visitor, uri, Frame.missing(signed, Messages::what_agreements, summary,
                Messages::what_funding_figures)), model).setLocale(visitor.locale());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<Ref> refs(List<String> ids, Map<String, CompletableFuture<Fetched<Cluster>>> related) {
        return ids.stream().map(id -> related.get(id).join().optional()
                .map(c -> new Ref(c.slug(), c.names())).orElse(new Ref(id, Text.plain(id)))).toList();
    }

    /** Each agreement as a bar from its effective date to its expiry (or today when open-ended). */
    private static List<Map<String, Object>> timeline(List<Agreement> agreements, String language) {
        String today = LocalDate.now().toString();
        List<Map<String, Object>> bars = new ArrayList<>();
        for (Agreement a : agreements) {
            String start = a.effectiveFrom() != null ? a.effectiveFrom() : a.signedOn();
            if (start == null) {
                continue;
            }
            Map<String, Object> bar = new LinkedHashMap<>();
            bar.put("label", a.reference());
            bar.put("title", a.title().in(language));
            bar.put("start", start);
            bar.put("end", a.expiresOn() != null ? a.expiresOn() : today);
            bar.put("openEnded", a.expiresOn() == null);
            bar.put("status", a.status());
            bar.put("statusLabel", Labels.in(a.status(), language));
            bars.add(bar);
        }
        return bars;
    }

    /** The actual points and the targets of one indicator, each with its source, for its chart. */
    private static Map<String, Object> series(FundingSummary.IndicatorSummary indicator, String language) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("unit", indicator.unit());
        chart.put("actual", indicator.series().stream().filter(f -> f.periodEnd() != null).map(f -> point(f, language)).toList());
        chart.put("targets", indicator.targets().stream().map(f -> point(f, language)).toList());
        return chart;
    }

    private static Map<String, Object> point(Figure figure, String language) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("start", figure.periodStart());
        point.put("end", figure.periodEnd());
        point.put("value", figure.amount());
        point.put("label", figure.shown(language));
        point.put("period", figure.period());
        point.put("source", figure.source() == null ? "" : figure.source().title());
        point.put("implausible", figure.implausibleJump());
        return point;
    }
}

package org.clusterbridge.dashboard.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.dashboard.registry.Agreement;
import org.clusterbridge.dashboard.registry.AgreementList;
import org.clusterbridge.dashboard.registry.Catalogues;
import org.clusterbridge.dashboard.registry.ClusterList;
import org.clusterbridge.dashboard.registry.Fetched;
import org.clusterbridge.dashboard.registry.Figure;
import org.clusterbridge.dashboard.registry.FigureList;
import org.clusterbridge.dashboard.registry.RegistryClient;
import org.clusterbridge.dashboard.registry.Service;
import org.clusterbridge.dashboard.registry.Text;

import io.quarkus.qute.TemplateInstance;

/**
 * The page people open every morning: clusters counted by country, kind and focus area (the facets), a map by
 * country, the agreements that expire within 180 days and the latest figures. Its script reloads the
 * {@code live} part whenever a service's change feed moves ({@link org.clusterbridge.dashboard.live.LiveResource}).
 */
@Path("")
public class OverviewResource {

    /** Within how many days an agreement's expiry is shown. */
    static final int EXPIRING_DAYS = 180;
    static final int LATEST_FIGURES = 8;

    /** A figure with the names of its cluster and indicator. */
    public record NamedFigure(Figure figure, Text cluster, String clusterKey, Text indicator) {
    }

    /** An agreement that expires soon, with the days it has left. */
    public record Expiring(Agreement agreement, long daysLeft) {
    }

    public record Overview(long clusters, boolean clustersExact, String countries, String kinds, String focusAreas,
            String map, List<Expiring> expiring, boolean expiringKnown, List<NamedFigure> latest, boolean latestKnown) {
    }

    private final RegistryClient registry;
    private final Catalogues catalogues;
    private final Charts charts;
    private final Visitor visitor;
    private final ClusterNames clusterNames;

    OverviewResource(RegistryClient registry, Catalogues catalogues, Charts charts, Visitor visitor,
            ClusterNames clusterNames) {
        this.clusterNames = clusterNames;
        this.registry = registry;
        this.catalogues = catalogues;
        this.charts = charts;
        this.visitor = visitor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview(@Context UriInfo uri, @QueryParam("part") String part) {
        CompletableFuture<Fetched<ClusterList>> facets = registry.get(Service.CLUSTERS,
                "/api/clusters?size=1&facets=country,kind,focusArea").thenApply(f -> f.map(ClusterList::of));
        CompletableFuture<Fetched<AgreementList>> expiring = registry.get(Service.AGREEMENTS,
                "/api/agreements?size=50&expiringWithinDays=" + EXPIRING_DAYS).thenApply(f -> f.map(AgreementList::of));
        CompletableFuture<Fetched<FigureList>> latest = registry.get(Service.FUNDING,
                "/api/funding-figures?size=" + LATEST_FIGURES).thenApply(f -> f.map(FigureList::of));
        Fetched<ClusterList> clusters = facets.join();
        Fetched<AgreementList> agreements = expiring.join();
        Fetched<FigureList> figures = latest.join();
        Overview model = model(clusters, agreements, figures);
        Frame frame = Frame.of("overview", visitor, uri, Frame.missing(clusters, Messages::what_counts_and_map,
                agreements, Messages::what_expiring_agreements, figures, Messages::what_latest_figures));
        return ("live".equals(part) ? Templates.overview$live(frame, model) : Templates.overview(frame, model))
                .setLocale(visitor.locale());
    }

    private Overview model(Fetched<ClusterList> clusters, Fetched<AgreementList> agreements,
            Fetched<FigureList> figures) {
        String language = visitor.language();
        ClusterList list = clusters.orElse(null);
        List<Charts.Point> countries = new ArrayList<>();
        List<Charts.Point> kinds = new ArrayList<>();
        List<Charts.Point> areas = new ArrayList<>();
        if (list != null) {
            list.facet("country").forEach(c -> countries.add(new Charts.Point(Countries.name(c.value(), language),
                    c.count(), c.value(), "/clusters?country=" + c.value())));
            list.facet("kind").forEach(c -> kinds.add(new Charts.Point(Labels.in(c.value(), language), c.count(),
                    c.value(), "/clusters?kind=" + c.value())));
            list.facet("focusArea").forEach(c -> areas.add(new Charts.Point(catalogues.focusArea(c.value())
                    .in(language), c.count(), c.value(), "/clusters?focusArea=" + c.value())));
        }
        LocalDate today = LocalDate.now();
        List<Expiring> expiring = agreements.optional().map(a -> a.items().stream()
                .filter(agreement -> agreement.daysLeft(today) != null)
                .map(agreement -> new Expiring(agreement, agreement.daysLeft(today)))
                .sorted(java.util.Comparator.comparingLong(Expiring::daysLeft)).toList()).orElse(List.of());
        return new Overview(list == null ? 0 : list.total(), list == null || list.totalExact(),
                charts.points(countries), charts.points(kinds), charts.points(areas), charts.points(countries),
                expiring, agreements.present(), named(figures.optional().map(FigureList::items).orElse(List.of())),
                figures.present());
    }

    /** The figures with their clusters' names and their indicators' names. */
    private List<NamedFigure> named(List<Figure> figures) {
        Map<String, ClusterNames.Named> names = clusterNames.of(figures.stream().map(Figure::clusterId).toList());
        return figures.stream().map(f -> new NamedFigure(f, names.get(f.clusterId()).names(),
                names.get(f.clusterId()).key(), catalogues.indicator(f.indicator()))).toList();
    }
}

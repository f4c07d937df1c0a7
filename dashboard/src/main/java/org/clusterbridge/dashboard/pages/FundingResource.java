package org.clusterbridge.dashboard.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.dashboard.registry.Catalogues;
import org.clusterbridge.dashboard.registry.Fetched;
import org.clusterbridge.dashboard.registry.Figure;
import org.clusterbridge.dashboard.registry.FigureList;
import org.clusterbridge.dashboard.registry.RegistryClient;
import org.clusterbridge.dashboard.registry.Service;
import org.clusterbridge.dashboard.registry.Text;

import io.quarkus.qute.TemplateInstance;

/** Funding figures by indicator and nature, each with its cluster, period and source; a chart of one indicator. */
@Path("/funding")
public class FundingResource {

    static final int PAGE_SIZE = 25;

    public record Row(Figure figure, ClusterNames.Named cluster, Text indicator) {
    }

    public record FundingPage(FigureList list, List<Row> rows, boolean known, List<Option> indicators,
            List<Option> natures, String chart, String previous, String next) {
    }

    private final RegistryClient registry;
    private final Catalogues catalogues;
    private final ClusterNames clusterNames;
    private final Charts charts;
    private final Visitor visitor;

    FundingResource(RegistryClient registry, Catalogues catalogues, ClusterNames clusterNames, Charts charts,
            Visitor visitor) {
        this.registry = registry;
        this.catalogues = catalogues;
        this.clusterNames = clusterNames;
        this.charts = charts;
        this.visitor = visitor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance funding(@Context UriInfo uri, @QueryParam("indicator") String indicator,
            @QueryParam("nature") String nature, @QueryParam("page") String page) {
        Map<String, Object> filter = new LinkedHashMap<>();
        String code = Filters.code("indicator", indicator);
        filter.put("indicator", code);
        filter.put("nature", Filters.oneOf("nature", nature, Filters.NATURES));
        int p = Filters.number("page", page, 0, 0, 100_000);
        Map<String, Object> query = new LinkedHashMap<>(filter);
        query.put("page", p);
        query.put("size", PAGE_SIZE);
        Fetched<FigureList> list = registry.getNow(Service.FUNDING, RegistryClient.path("/api/funding-figures",
                query)).map(FigureList::of);
        FigureList shown = list.orElse(new FigureList(List.of(), p, PAGE_SIZE, 0, true, Map.of()));
        Map<String, ClusterNames.Named> names = clusterNames.of(shown.items().stream().map(Figure::clusterId)
                .toList());
        String language = visitor.language();
        List<Row> rows = shown.items().stream().map(f -> new Row(f, names.get(f.clusterId()),
                catalogues.indicator(f.indicator()))).toList();
        List<Charts.Point> points = code == null ? List.of() : rows.stream()
                .map(r -> new Charts.Point(r.cluster().names().in(language) + " · " + r.figure().period(),
                        r.figure().amount(), r.figure().id(), "/clusters/" + r.cluster().key())).toList();
        String own = Filters.query(filter);
        String base = "/funding?" + (own.isEmpty() ? "" : own + "&");
        FundingPage model = new FundingPage(shown, rows, list.present(),
                Option.named(catalogues.indicators(), code, language),
                Option.of(Filters.NATURES, (String) filter.get("nature"), v -> Labels.in(v, language)),
                points.isEmpty() ? null : charts.points(points), p > 0 ? base + "page=" + (p - 1) : null,
                p + 1 < shown.pages() ? base + "page=" + (p + 1) : null);
        return Templates.funding(Frame.of("funding", visitor, uri, Frame.missing(list, Messages::what_funding_figures)),
                model).setLocale(visitor.locale());
    }
}

package org.clusterbridge.dashboard.pages;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.dashboard.registry.Catalogues;
import org.clusterbridge.dashboard.registry.ClusterList;
import org.clusterbridge.dashboard.registry.Fetched;
import org.clusterbridge.dashboard.registry.RegistryClient;
import org.clusterbridge.dashboard.registry.Service;

import io.quarkus.qute.TemplateInstance;

/**
 * The searchable, faceted list of clusters ({@code q}, country, kind, focus area), paged, and the CSV of every
 * cluster the current filter matches (cluster-service's own export, streamed through).
 */
@Path("/")
public class ClustersResource {

    static final int PAGE_SIZE = 25;

    public record ClustersPage(ClusterList list, boolean known, String q, List<Option> countries, List<Option> kinds,
            List<Option> focusAreas, String query, String previous, String next, String csv) {
    }

    private final RegistryClient registry;
    private final Catalogues catalogues;
    private final Visitor visitor;

    ClustersResource(RegistryClient registry, Catalogues catalogues, Visitor visitor) {
        this.registry = registry;
        this.catalogues = catalogues;
        this.visitor = visitor;
    }

    @GET
    @Path("clusters")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance clusters(@Context UriInfo uri, @QueryParam("q") String q,
            @QueryParam("country") String country, @QueryParam("kind") String kind,
            @QueryParam("focusArea") String focusArea, @QueryParam("page") String page) {
        Map<String, Object> filter = filter(q, country, kind, focusArea);
        int p = Filters.number("page", page, 0, 0, 100_000);
        Map<String, Object> query = new LinkedHashMap<>(filter);
        query.put("page", p);
        query.put("size", PAGE_SIZE);
        query.put("facets", "country,kind,focusArea");
        Fetched<ClusterList> list = registry.getNow(Service.CLUSTERS, RegistryClient.path("/api/clusters", query))
                .map(ClusterList::of);
        String language = visitor.language();
        ClusterList shown = list.orElse(new ClusterList(List.of(), p, PAGE_SIZE, 0, true, Map.of()));
        String own = Filters.query(filter);
        String base = "/clusters?" + (own.isEmpty() ? "" : own + "&");
        ClustersPage model = new ClustersPage(shown, list.present(), (String) filter.get("q"),
                Option.countries(shown.facet("country"), (String) filter.get("country"), language),
                Option.of(Filters.CLUSTER_KINDS, (String) filter.get("kind"), v -> Labels.in(v, language)),
                Option.named(catalogues.focusAreas(), (String) filter.get("focusArea"), language), own,
                p > 0 ? base + "page=" + (p - 1) : null, p + 1 < shown.pages() ? base + "page=" + (p + 1) : null,
                "/exports/clusters.csv" + (own.isEmpty() ? "" : "?" + own));
        return Templates.clusters(Frame.of("clusters", visitor, uri, Frame.missing(list, Messages::what_clusters)), model)
                .setLocale(visitor.locale());
    }

    /** Every cluster the filter matches, as cluster-service's CSV, for a spreadsheet. */
    @GET
    @Path("exports/clusters.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("q") String q, @QueryParam("country") String country,
            @QueryParam("kind") String kind, @QueryParam("focusArea") String focusArea)
            throws IOException, InterruptedException {
        String path = RegistryClient.path("/api/clusters", filter(q, country, kind, focusArea));
        HttpResponse<InputStream> export;
        try {
            export = registry.stream(Service.CLUSTERS, path, "text/csv");
        } catch (IOException e) {
            return unavailable();
        }
        if (export.statusCode() != 200) {
            export.body().close();
            return unavailable();
        }
        StreamingOutput body = out -> {
            try (InputStream in = export.body()) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"clusters.csv\"").build();
    }

    private static Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .entity("cluster-service did not answer; the CSV cannot be made now.\n").build();
    }

    private static Map<String, Object> filter(String q, String country, String kind, String focusArea) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("q", Filters.text("q", q, 200));
        filter.put("country", Filters.country(country));
        filter.put("kind", Filters.oneOf("kind", kind, Filters.CLUSTER_KINDS));
        filter.put("focusArea", Filters.code("focusArea", focusArea));
        return filter;
    }
}

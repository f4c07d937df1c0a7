package org.clusterbridge.dashboard.pages;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.dashboard.registry.Concern;
import org.clusterbridge.dashboard.registry.Fetched;
import org.clusterbridge.dashboard.registry.Service;

import io.quarkus.qute.TemplateInstance;

/**
 * Every plausibility flag and every conflicting pair of reports in the registry (funding-service's data-quality
 * list), each with the reports and sources behind it, side by side.
 */
@Path("/data-quality")
public class DataQualityResource {

    static final int PAGE_SIZE = 100;

    public record QualityPage(Concern.Page concerns, boolean known, String previous, String next) {
    }

    private final org.clusterbridge.dashboard.registry.RegistryClient registry;
    private final Visitor visitor;

    DataQualityResource(org.clusterbridge.dashboard.registry.RegistryClient registry, Visitor visitor) {
        this.registry = registry;
        this.visitor = visitor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance quality(@Context UriInfo uri, @QueryParam("page") String page) {
        int p = Filters.number("page", page, 0, 0, 100_000);
        Fetched<Concern.Page> concerns = registry.getNow(Service.FUNDING, "/api/data-quality?size=" + PAGE_SIZE
                + "&page=" + p).map(Concern.Page::of);
        Concern.Page shown = concerns.orElse(new Concern.Page(java.util.List.of(), p, PAGE_SIZE, 0));
        long pages = (shown.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        QualityPage model = new QualityPage(shown, concerns.present(), p > 0 ? "/data-quality?page=" + (p - 1) : null,
                p + 1 < pages ? "/data-quality?page=" + (p + 1) : null);
        return Templates.quality(Frame.of("quality", visitor, uri, Frame.missing(concerns, Messages::what_data_quality)),
                model).setLocale(visitor.locale());
    }
}

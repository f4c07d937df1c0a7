package org.clusterbridge.dashboard.pages;

import java.time.LocalDate;
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

import org.clusterbridge.dashboard.registry.Agreement;
import org.clusterbridge.dashboard.registry.AgreementList;
import org.clusterbridge.dashboard.registry.Fetched;
import org.clusterbridge.dashboard.registry.RegistryClient;
import org.clusterbridge.dashboard.registry.Service;

import io.quarkus.qute.TemplateInstance;

/**
 * Agreements by status and expiry, each with its parties, the clusters that co-signed through an alliance, its
 * signatories and its signing ceremony.
 */
@Path("/agreements")
public class AgreementsResource {

    static final int PAGE_SIZE = 25;

    /** An agreement with the days it has left (null without an expiry). */
    public record Row(Agreement agreement, Long daysLeft) {
    }

    public record AgreementsPage(AgreementList list, List<Row> rows, boolean known, List<Option> statuses,
            String expiringWithinDays, String previous, String next) {
    }

    private final RegistryClient registry;
    private final Visitor visitor;

    AgreementsResource(RegistryClient registry, Visitor visitor) {
        this.registry = registry;
        this.visitor = visitor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance agreements(@Context UriInfo uri, @QueryParam("status") String status,
            @QueryParam("expiringWithinDays") String expiringWithinDays, @QueryParam("page") String page) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("status", Filters.oneOf("status", status, Filters.AGREEMENT_STATUSES));
        int days = Filters.number("expiringWithinDays", expiringWithinDays, -1, 0, 36_500);
        filter.put("expiringWithinDays", days < 0 ? null : days);
        int p = Filters.number("page", page, 0, 0, 100_000);
        Map<String, Object> query = new LinkedHashMap<>(filter);
        query.put("page", p);
        query.put("size", PAGE_SIZE);
        Fetched<AgreementList> list = registry.getNow(Service.AGREEMENTS,
                RegistryClient.path("/api/agreements", query)).map(AgreementList::of);
        AgreementList shown = list.orElse(new AgreementList(List.of(), p, PAGE_SIZE, 0, true, Map.of()));
        LocalDate today = LocalDate.now();
        String own = Filters.query(filter);
        String base = "/agreements?" + (own.isEmpty() ? "" : own + "&");
        String language = visitor.language();
        AgreementsPage model = new AgreementsPage(shown, shown.items().stream()
                .map(a -> new Row(a, a.daysLeft(today))).toList(), list.present(),
                Option.of(Filters.AGREEMENT_STATUSES, (String) filter.get("status"), v -> Labels.in(v, language)),
                days < 0 ? "" : Integer.toString(days), p > 0 ? base + "page=" + (p - 1) : null,
                p + 1 < shown.pages() ? base + "page=" + (p + 1) : null);
        return Templates.agreements(Frame.of("agreements", visitor, uri, Frame.missing(list, Messages::what_agreements)),
                model).setLocale(visitor.locale());
    }
}

package org.clusterbridge.mou.api;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.clusterbridge.api.Facets;
import org.clusterbridge.api.Page;
import org.clusterbridge.api.PageRequest;
import org.clusterbridge.api.export.ListExport;
import org.clusterbridge.api.export.ListFormat;
import org.clusterbridge.mou.service.AgreementMatches;

/**
 * Answers every list of agreements (the register's and a cluster's) the same way, in the format the Accept header
 * asks for: a JSON page with the facets asked for, or every match streamed as CSV or NDJSON. Every parameter is
 * checked before anything is read, whatever the format, so a bad one is the same 400 for an export as for a page.
 */
@ApplicationScoped
public class AgreementLists {

    private final AgreementRepresentations representations;
    private final ListExport export;

    AgreementLists(AgreementRepresentations representations, ListExport export) {
        this.representations = representations;
        this.export = export;
    }

    /**
     * The answer for {@code filters} (the query already read from them) over what {@code select} gives;
     * {@code name} names an export's file.
     */
    Response answer(AgreementFilters filters, HttpHeaders headers, Supplier<AgreementMatches> select, String name) {
        ListFormat format = ListFormat.of(headers);
        PageRequest pageRequest = filters.pageRequest();
        List<String> asked = filters.askedFacets();
        AgreementMatches matches = select.get();
        if (format.streamed()) {
            return export.stream(format, AgreementRepresentation.class,
                    () -> representations.of(matches.all(), AgreementMatches.BATCH), matches::languages, name);
        }
        Page<AgreementRepresentation> page = representations.of(matches.page(pageRequest));
        Map<String, Map<String, Long>> counts = matches.facets(asked);
        return Response.ok(page.withFacets(Facets.count(asked, counts::get)), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}

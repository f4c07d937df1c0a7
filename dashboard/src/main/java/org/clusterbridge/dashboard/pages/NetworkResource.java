package org.clusterbridge.dashboard.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

import org.clusterbridge.dashboard.registry.Catalogues;
import org.clusterbridge.dashboard.registry.ClusterList;
import org.clusterbridge.dashboard.registry.Fetched;
import org.clusterbridge.dashboard.registry.RegistryClient;
import org.clusterbridge.dashboard.registry.Service;
import org.clusterbridge.dashboard.registry.Text;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateInstance;

/**
 * Clusters as nodes and agreements as edges (mou-service's network), each alliance drawn as a box around its member
 * clusters (cluster-service's alliances), filtered by status, country and focus area. Cytoscape draws it; the same
 * nodes and edges are listed below it for keyboards and screen readers.
 */
@Path("/network")
public class NetworkResource {

    /** A node or an edge as Cytoscape takes it ({@code {data: {...}}}). */
    public record Element(Map<String, Object> data) {
    }

    public record Node(String id, String slug, Text names, String acronym, String country, String kind) {
    }

    public record Edge(String id, String reference, String status, Text source, Text target, String sourceSlug,
            String targetSlug) {
    }

    public record NetworkPage(String elements, List<Node> nodes, List<Edge> edges, boolean known, boolean truncated,
            List<Option> statuses, List<Option> countries, List<Option> focusAreas) {
    }

    private final RegistryClient registry;
    private final Catalogues catalogues;
    private final Charts charts;
    private final Visitor visitor;

    NetworkResource(RegistryClient registry, Catalogues catalogues, Charts charts, Visitor visitor) {
        this.registry = registry;
        this.catalogues = catalogues;
        this.charts = charts;
        this.visitor = visitor;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance network(@Context UriInfo uri, @QueryParam("status") String status,
            @QueryParam("country") String country, @QueryParam("focusArea") String focusArea) {
        String s = Filters.oneOf("status", status, Filters.AGREEMENT_STATUSES);
        String c = Filters.country(country);
        String f = Filters.code("focusArea", focusArea);
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", s);
        query.put("country", c);
        query.put("focusArea", f);
        CompletableFuture<Fetched<JsonNode>> network = registry.get(Service.AGREEMENTS,
                RegistryClient.path("/api/network", query));
        CompletableFuture<Fetched<ClusterList>> alliances = registry.get(Service.CLUSTERS,
                "/api/clusters?kind=ALLIANCE&size=200").thenApply(x -> x.map(ClusterList::of));
        CompletableFuture<Fetched<ClusterList>> countries = registry.get(Service.CLUSTERS,
                "/api/clusters?size=1&facets=country").thenApply(x -> x.map(ClusterList::of));
        Fetched<JsonNode> graph = network.join();
        Fetched<ClusterList> groups = alliances.join();
        String language = visitor.language();
        Map<String, String> parentOf = new HashMap<>();
        groups.optional().ifPresent(list -> list.items().forEach(alliance -> alliance.memberClusterIds()
                .forEach(member -> parentOf.putIfAbsent(member, alliance.id()))));
        List<Element> elements = new ArrayList<>();
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Map<String, Node> byId = new HashMap<>();
        graph.optional().ifPresent(g -> {
            g.path("nodes").forEach(n -> {
                Node node = new Node(n.path("id").asText(), n.path("slug").asText(), Text.of(n.get("names")),
                        n.path("acronym").asText(null), n.path("country").asText(null), n.path("kind").asText(null));
                nodes.add(node);
                byId.put(node.id(), node);
            });
            for (Node node : nodes) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("id", node.id());
                data.put("label", node.acronym() != null ? node.acronym() : node.names().in(language));
                data.put("name", node.names().in(language));
                data.put("kind", node.kind());
                data.put("href", "/clusters/" + node.slug());
                String parent = parentOf.get(node.id());
                if (parent != null && byId.containsKey(parent)) {
                    data.put("parent", parent);
                }
                elements.add(new Element(data));
            }
            g.path("edges").forEach(e -> {
                String source = e.path("source").asText();
                String target = e.path("target").asText();
                if (!byId.containsKey(source) || !byId.containsKey(target)) {
                    return;
                }
                Edge edge = new Edge(e.path("agreementId").asText(), e.path("reference").asText(),
                        e.path("status").asText(), byId.get(source).names(), byId.get(target).names(),
                        byId.get(source).slug(), byId.get(target).slug());
                edges.add(edge);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("id", "agreement-" + edge.id());
                data.put("source", source);
                data.put("target", target);
                data.put("label", edge.reference());
                data.put("status", edge.status());
                elements.add(new Element(data));
            });
        });
        NetworkPage model = new NetworkPage(charts.json(elements), nodes, edges, graph.present(),
                graph.optional().map(g -> g.path("truncated").asBoolean(false)).orElse(false),
                Option.of(Filters.AGREEMENT_STATUSES, s, v -> Labels.in(v, language)),
                Option.countries(countries.join().optional().map(l -> l.facet("country")).orElse(List.of()), c,
                        language), Option.named(catalogues.focusAreas(), f, language));
        return Templates.network(Frame.of("network", visitor, uri, Frame.missing(graph, Messages::what_network, groups,
                Messages::what_alliance_members)), model).setLocale(visitor.locale());
    }
}

package org.clusterbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.clusterbridge.system.Http.Reply;

/** The public API of the three services, used the way a partner system uses it. */
public final class ClusterBridge {

    /** How long a change may take to reach another service's view. */
    public static final Duration PROPAGATION = Duration.ofSeconds(60);
    /** The fields of a cluster's representation that are not part of what a client sends. */
    private static final Set<String> CLUSTER_STATE_ONLY = Set.of("id", "status", "version", "createdAt", "updatedAt",
            "createdBy", "updatedBy", "allianceIds");

    private final TheSystem system;

    public ClusterBridge(TheSystem system) {
        this.system = system;
    }

    public String clusters() {
        return system.clusterService() + "/api/clusters";
    }

    public String agreements() {
        return system.mouService() + "/api/agreements";
    }

    public String figures() {
        return system.fundingService() + "/api/funding-figures";
    }

    /** A slug no other test run uses. */
    public static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- requests a partner system sends

    public static ObjectNode clusterRequest(String slug, String nameEn, String country, String kind) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("slug", slug);
        body.putObject("names").put("en", nameEn).put("ja", nameEn + "（日本語）");
        body.put("acronym", slug.substring(0, Math.min(8, slug.length())).toUpperCase());
        body.put("kind", kind);
        body.put("legalForm", "non-profit");
        body.put("country", country);
        body.put("city", "Testville");
        body.putArray("focusAreas").add("digital-health").add("medical-devices");
        return body;
    }

    public static ObjectNode agreementRequest(String reference, List<ObjectNode> parties) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("reference", reference);
        body.putObject("title").put("en", "Memorandum of understanding " + reference).put("ja", "覚書 " + reference);
        body.put("kind", "MOU");
        ArrayNode array = body.putArray("parties");
        parties.forEach(array::add);
        body.put("signedOn", "2024-03-01");
        body.putObject("term").put("years", 5);
        body.putArray("focusAreas").add("digital-health");
        body.putArray("sources").addObject().put("title", "Press release " + reference).put("language", "en");
        return body;
    }

    public static ObjectNode party(String clusterId, String... coSigners) {
        ObjectNode party = Http.JSON.createObjectNode().put("clusterId", clusterId);
        ArrayNode array = party.putArray("coSigners");
        for (String coSigner : coSigners) {
            array.add(coSigner);
        }
        return party;
    }

    public static ObjectNode countFigure(String clusterId, String indicator, long count, String asOf, String source) {
        ObjectNode body = figureRequest(clusterId, indicator, asOf, source);
        body.putObject("value").put("count", count);
        return body;
    }

    public static ObjectNode moneyFigure(String clusterId, String indicator, String amount, String currency,
            String asOf, String source) {
        ObjectNode body = figureRequest(clusterId, indicator, asOf, source);
        body.putObject("value").put("amount", amount).put("currency", currency);
        return body;
    }

    private static ObjectNode figureRequest(String clusterId, String indicator, String asOf, String source) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("clusterId", clusterId);
        body.put("indicator", indicator);
        body.put("nature", "ACTUAL");
        body.putObject("period").put("kind", "AS_OF").put("date", asOf);
        body.putObject("source").put("title", source).put("language", "en");
        return body;
    }

    // ---- writes

    public JsonNode registerCluster(ObjectNode request) {
        Reply reply = Http.post(clusters(), request);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }

    public JsonNode registerCluster(String prefix, String nameEn, String country) {
        return registerCluster(clusterRequest(slug(prefix), nameEn, country, "CLUSTER"));
    }

    /**
     * Posts a write that names clusters, retrying while the receiving service has not heard of them yet (422
     * right after they were registered); returns the final answer.
     */
    public Reply postOnceClustersAreKnown(String url, ObjectNode request) {
        AtomicReference<Reply> last = new AtomicReference<>();
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(250)).until(() -> {
            last.set(Http.post(url, request));
            return last.get().status() != 422 || !last.get().body().contains("not known");
        });
        return last.get();
    }

    public JsonNode signAgreement(String reference, ObjectNode... parties) {
        Reply reply = postOnceClustersAreKnown(agreements(), agreementRequest(reference, List.of(parties)));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }

    public JsonNode recordFigure(ObjectNode request) {
        Reply reply = postOnceClustersAreKnown(figures(), request);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json();
    }

    /** The details a client would PUT back, from a cluster's representation. */
    public static ObjectNode clusterDetails(JsonNode state) {
        ObjectNode details = state.deepCopy();
        CLUSTER_STATE_ONLY.forEach(details::remove);
        return details;
    }

    public Reply renameCluster(JsonNode state, String nameEn) {
        ObjectNode details = clusterDetails(state);
        ((ObjectNode) details.get("names")).put("en", nameEn);
        return Http.put(clusters() + "/" + state.path("id").asText(), "\"" + state.path("version").asLong() + "\"",
                details);
    }

    public JsonNode retireCluster(String id) {
        Reply reply = Http.delete(clusters() + "/" + id);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    // ---- reads

    public JsonNode cluster(String idOrSlug) {
        return ok(Http.get(clusters() + "/" + idOrSlug));
    }

    public JsonNode profile(String idOrSlug) {
        return ok(Http.get(clusters() + "/" + idOrSlug + "/profile"));
    }

    public Reply clusterAgreementsReply(String idOrSlug) {
        return Http.get(system.mouService() + "/api/clusters/" + idOrSlug + "/agreements?size=200");
    }

    public JsonNode clusterAgreements(String idOrSlug) {
        return ok(clusterAgreementsReply(idOrSlug));
    }

    public Reply fundingSummaryReply(String idOrSlug) {
        return Http.get(system.fundingService() + "/api/clusters/" + idOrSlug + "/funding-summary");
    }

    public JsonNode fundingSummary(String idOrSlug) {
        return ok(fundingSummaryReply(idOrSlug));
    }

    public JsonNode agreement(String id) {
        return ok(Http.get(agreements() + "/" + id));
    }

    public JsonNode figure(String id) {
        return ok(Http.get(figures() + "/" + id));
    }

    /** Every item of a paged list, all pages. */
    public static List<JsonNode> all(String listUrl) {
        List<JsonNode> items = new ArrayList<>();
        String separator = listUrl.contains("?") ? "&" : "?";
        for (int page = 0;; page++) {
            JsonNode body = ok(Http.get(listUrl + separator + "size=200&page=" + page));
            body.path("items").forEach(items::add);
            if (body.path("items").size() < 200 || items.size() >= body.path("total").asLong()) {
                return items;
            }
        }
    }

    public static long total(String listUrl) {
        return ok(Http.get(listUrl + (listUrl.contains("?") ? "&" : "?") + "size=1")).path("total").asLong();
    }

    /** id -> version of every item of a list: what a store holds, in short. */
    public static Map<String, Long> versions(String listUrl) {
        Map<String, Long> versions = new java.util.TreeMap<>();
        all(listUrl).forEach(item -> versions.put(item.path("id").asText(), item.path("version").asLong()));
        return versions;
    }

    public static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    public static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}

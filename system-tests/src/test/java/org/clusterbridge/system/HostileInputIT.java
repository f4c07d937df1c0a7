package org.clusterbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.system.BadRequests.Type.ARRAY;
import static org.clusterbridge.system.BadRequests.Type.CODE;
import static org.clusterbridge.system.BadRequests.Type.COUNTRY;
import static org.clusterbridge.system.BadRequests.Type.CURRENCY;
import static org.clusterbridge.system.BadRequests.Type.DATE;
import static org.clusterbridge.system.BadRequests.Type.DATETIME;
import static org.clusterbridge.system.BadRequests.Type.ENUM;
import static org.clusterbridge.system.BadRequests.Type.LANGUAGE;
import static org.clusterbridge.system.BadRequests.Type.NUMBER;
import static org.clusterbridge.system.BadRequests.Type.OBJECT;
import static org.clusterbridge.system.BadRequests.Type.SLUG;
import static org.clusterbridge.system.BadRequests.Type.TEXT;
import static org.clusterbridge.system.BadRequests.Type.URL;
import static org.clusterbridge.system.BadRequests.Type.UUID;
import static org.clusterbridge.system.BadRequests.Type.ZONE;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.clusterbridge.system.BadRequests.Bad;
import org.clusterbridge.system.BadRequests.Field;
import org.clusterbridge.system.Http.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * At least 500 generated bad requests per service: each gets a 4xx problem (or the HTTP layer's 413 for a body
 * over the limit), none a 5xx, no answer shows a stack trace or an internal name ({@link Problems}), and every
 * store holds afterwards exactly what it held before. Each request carries the token of its role, so the service's
 * own checks answer, not the access check.
 */
@SystemTest
@Order(3)
class HostileInputIT {

    private static final ClusterBridge API = new ClusterBridge(TheSystem.get());
    private static JsonNode clusterA;
    private static JsonNode clusterB;
    private static JsonNode agreement;
    private static JsonNode figure;

    /** Valid items to aim PUTs at, and existing clusters for the bodies to name. */
    @BeforeAll
    static void targets() {
        clusterA = API.registerCluster("hostile-target-a", "Hostile Target A", "FR");
        clusterB = API.registerCluster("hostile-target-b", "Hostile Target B", "JP");
        agreement = API.signAgreement(ClusterBridge.slug("HOSTILE-TARGET"),
                ClusterBridge.party(clusterA.path("id").asText()), ClusterBridge.party(clusterB.path("id").asText()));
        figure = API.recordFigure(figureBody("Hostile target report"));
    }

    @Test
    void clusterServiceAnswersEveryBadRequestWithAProblem() {
        String url = API.clusters();
        ObjectNode post = clusterBody(ClusterBridge.slug("hostile-new"));
        ObjectNode put = clusterBody(clusterA.path("slug").asText());
        String target = url + "/" + clusterA.path("id").asText();
        String ifMatch = "\"" + API.cluster(clusterA.path("id").asText()).path("version").asLong() + "\"";
        List<Field> fields = List.of(new Field("slug", SLUG, true), new Field("names", OBJECT, true),
                new Field("names.en", TEXT, true), new Field("names.ja", TEXT, false),
                new Field("description.en", TEXT, false), new Field("acronym", TEXT, false),
                new Field("kind", ENUM, true), new Field("legalForm", TEXT, false), new Field("country", COUNTRY, true),
                new Field("region", TEXT, false), new Field("city", TEXT, false), new Field("foundedOn", OBJECT, false),
                new Field("foundedOn.date", DATE, true), new Field("foundedOn.precision", ENUM, true),
                new Field("website", URL, false), new Field("focusAreas", ARRAY, false),
                new Field("focusAreas[0]", CODE, false), new Field("leaders", ARRAY, false),
                new Field("leaders[0].name", TEXT, true), new Field("leaders[0].nativeName", TEXT, false),
                new Field("leaders[0].role", OBJECT, true), new Field("leaders[0].since", DATE, false),
                new Field("memberClusterIds", ARRAY, false), new Field("membershipReports[0].asOf", DATE, false),
                new Field("membershipReports[0].total", NUMBER, false),
                new Field("membershipReports[0].approximation", ENUM, false),
                new Field("membershipReports[0].breakdown[0].category", ENUM, true),
                new Field("membershipReports[0].breakdown[0].count", NUMBER, true),
                new Field("membershipReports[0].source", OBJECT, true),
                new Field("membershipReports[0].source.title", TEXT, true),
                new Field("membershipReports[0].source.language", LANGUAGE, false),
                new Field("membershipReports[0].source.url", URL, false));
        BadRequests bad = new BadRequests(url, post, fields, body -> body.put("country", "XX"));
        bad.bodies("POST", url, null, post).brokenUnicode("POST", url, null, post, 3).malformed("POST", url, null, post)
                .bodies("PUT", target, ifMatch, put).badIfMatch(target, put)
                .add("future founding date", "POST", url, null, BadRequests.with(post, "foundedOn.date",
                        Http.JSON.getNodeFactory().textNode("2999-01-01")))
                .add("members of a non-alliance", "POST", url, null, BadRequests.with(post, "memberClusterIds",
                        Http.JSON.createArrayNode().add(clusterB.path("id").asText())))
                .badIds("GET", url + "/{id}", null, null).badIds("GET", url + "/{id}/profile", null, null)
                .badIds("PUT", url + "/{id}", "application/json", put).badIds("DELETE", url + "/{id}", null, null)
                .query(url, "country", false, List.of("XX", "FRA", "fr-FR"))
                .query(url, "kind", false, List.of("NOT_A_KIND", "cluster_x"))
                .query(url, "focusArea", false, List.of("no-such-area"))
                .query(url, "status", false, List.of("DELETED"))
                .query(url, "q", true, List.of("x".repeat(201)))
                .query(url, "page", false, List.of("-1", "abc", "99999999999999999999", "1.5"))
                .query(url, "size", false, List.of("0", "201", "-5", "abc", "1e3"));
        run("cluster-service", bad.generated());
    }

    @Test
    void mouServiceAnswersEveryBadRequestWithAProblem() {
        String url = API.agreements();
        ObjectNode post = agreementBody(ClusterBridge.slug("HOSTILE-NEW"));
        JsonNode current = API.agreement(agreement.path("id").asText());
        ObjectNode put = agreementBody(current.path("reference").asText());
        String target = url + "/" + agreement.path("id").asText();
        String ifMatch = "\"" + current.path("version").asLong() + "\"";
        List<Field> fields = List.of(new Field("reference", TEXT, true), new Field("title", OBJECT, true),
                new Field("title.en", TEXT, true), new Field("title.ja", TEXT, false),
                new Field("purpose.en", TEXT, false), new Field("kind", ENUM, true),
                new Field("parties", ARRAY, true), new Field("parties[0].clusterId", UUID, true),
                new Field("parties[1].clusterId", UUID, true), new Field("parties[0].coSigners", ARRAY, false),
                new Field("signatories[0].name", TEXT, false), new Field("signatories[0].nativeName", TEXT, false),
                new Field("signatories[0].title", TEXT, false), new Field("signatories[0].clusterId", UUID, true),
                new Field("signedOn", DATE, true), new Field("effectiveFrom", DATE, false),
                new Field("term", OBJECT, false), new Field("term.years", NUMBER, false),
                new Field("focusAreas[0]", CODE, false), new Field("signingCeremony", OBJECT, false),
                new Field("signingCeremony.mode", ENUM, true), new Field("signingCeremony.platform", TEXT, true),
                new Field("signingCeremony.start", DATETIME, false), new Field("signingCeremony.end", DATETIME, false),
                new Field("signingCeremony.timeZone", ZONE, false), new Field("sources[0].title", TEXT, false),
                new Field("sources[0].language", LANGUAGE, false), new Field("sources[0].url", URL, false),
                new Field("sources[0].publishedOn", DATE, false), new Field("notes", TEXT, false));
        BadRequests bad = new BadRequests(url, post, fields, body -> body.put("signedOn", "2999-01-01"));
        String a = clusterA.path("id").asText();
        var f = Http.JSON.getNodeFactory();
        bad.bodies("POST", url, null, post).brokenUnicode("POST", url, null, post, 3).malformed("POST", url, null, post)
                .bodies("PUT", target, ifMatch, put).badIfMatch(target, put)
                .add("one party", "POST", url, null, BadRequests.with(post, "parties",
                        f.arrayNode().add(ClusterBridge.party(a))))
                .add("the same party twice", "POST", url, null, BadRequests.with(post, "parties",
                        f.arrayNode().add(ClusterBridge.party(a)).add(ClusterBridge.party(a))))
                .add("unknown party", "POST", url, null, BadRequests.with(post, "parties[1].clusterId",
                        f.textNode(java.util.UUID.randomUUID().toString())))
                .add("expiry before start", "POST", url, null, BadRequests.with(post, "expiresOn",
                        f.textNode("2020-01-01")))
                .add("term of 0 years", "POST", url, null, BadRequests.with(post, "term.years", f.numberNode(0)))
                .add("term of 101 years", "POST", url, null, BadRequests.with(post, "term.years", f.numberNode(101)))
                .add("ceremony ends before it starts", "POST", url, null, BadRequests.with(post,
                        "signingCeremony.end", f.textNode("2024-03-01T16:00:00")))
                .badIds("GET", url + "/{id}", null, null).badIds("PUT", url + "/{id}", "application/json", put)
                .badIds("POST", url + "/{id}/termination", "application/json",
                        Http.JSON.createObjectNode().put("date", "2024-06-01").put("reason", "x"))
                .badIds("GET", API.clusters().replace(TheSystem.get().clusterService(), TheSystem.get().mouService())
                        + "/{id}/agreements", null, null)
                .query(url, "clusterId", false, List.of("not-a-uuid", "1234"))
                .query(url, "status", false, List.of("NOT_A_STATUS", "EXPIRED_X"))
                .query(url, "country", false, List.of("XX", "FRA"))
                .query(url, "focusArea", false, List.of("no-such-area"))
                .query(url, "signedFrom", false, List.of("2024-13-01", "yesterday"))
                .query(url, "signedTo", false, List.of("2024-02-30", "01/01/2024"))
                .query(url, "expiringWithinDays", false, List.of("-1", "abc", "99999999999999999999"))
                .query(url, "page", false, List.of("-1", "abc"))
                .query(url, "size", false, List.of("0", "201", "abc"));
        run("mou-service", bad.generated());
    }

    @Test
    void fundingServiceAnswersEveryBadRequestWithAProblem() {
        String url = API.figures();
        ObjectNode post = figureBody("Hostile new report");
        ObjectNode put = figureBody("Hostile target report");
        String target = url + "/" + figure.path("id").asText();
        String ifMatch = "\"" + API.figure(figure.path("id").asText()).path("version").asLong() + "\"";
        List<Field> fields = List.of(new Field("clusterId", UUID, true), new Field("indicator", CODE, true),
                new Field("nature", ENUM, true), new Field("value", OBJECT, true),
                new Field("value.amount", NUMBER, true), new Field("value.currency", CURRENCY, true),
                new Field("value.qualifier", ENUM, false), new Field("period", OBJECT, true),
                new Field("period.kind", ENUM, false), new Field("period.start", DATE, true),
                new Field("period.end", DATE, true), new Field("funders", ARRAY, false),
                new Field("funders[0].name", TEXT, true), new Field("funders[0].description", TEXT, false),
                new Field("funders[0].currency", CURRENCY, false), new Field("source", OBJECT, true),
                new Field("source.title", TEXT, true), new Field("source.publisher", TEXT, false),
                new Field("source.language", LANGUAGE, false), new Field("source.publishedOn", DATE, false),
                new Field("source.url", URL, false), new Field("note", TEXT, false));
        BadRequests bad = new BadRequests(url, post, fields, body -> body.put("indicator", "no-such-indicator"));
        var f = Http.JSON.getNodeFactory();
        bad.bodies("POST", url, null, post).brokenUnicode("POST", url, null, post, 3).malformed("POST", url, null, post)
                .bodies("PUT", target, ifMatch, put).badIfMatch(target, put)
                .add("count for a money indicator", "POST", url, null, BadRequests.with(post, "value",
                        Http.JSON.createObjectNode().put("count", 5)))
                .add("count and amount", "POST", url, null, BadRequests.with(post, "value.count", f.numberNode(5)))
                .add("amount without currency", "POST", url, null, BadRequests.without(post, "value.currency"))
                .add("span ending before it starts", "POST", url, null, BadRequests.with(post, "period.end",
                        f.textNode("2010-01-01")))
                .add("funder amount without currency", "POST", url, null, BadRequests.without(post,
                        "funders[0].currency"))
                .add("unknown cluster", "POST", url, null, BadRequests.with(post, "clusterId",
                        f.textNode(java.util.UUID.randomUUID().toString())))
                .badIds("GET", url + "/{id}", null, null).badIds("GET", url + "/{id}/history", null, null)
                .badIds("PUT", url + "/{id}", "application/json", put)
                .badIds("GET", TheSystem.get().fundingService() + "/api/clusters/{id}/funding-summary", null, null)
                .query(url, "clusterId", false, List.of("Not A Slug", "médicen"))
                .query(url, "indicator", false, List.of("no-such-indicator"))
                .query(url, "nature", false, List.of("GUESS", "actual_x"))
                .query(url, "from", false, List.of("2024-13-01", "yesterday"))
                .query(url, "to", false, List.of("2024-02-30", "01/01/2024"))
                .query(url, "country", false, List.of("XX", "FRA", "1"))
                .query(url, "page", false, List.of("-1", "abc"))
                .query(url, "size", false, List.of("0", "201", "abc"));
        run("funding-service", bad.generated());
    }

    private static void run(String service, List<Bad> requests) {
        Map<String, Long> clusters = ClusterBridge.versions(API.clusters());
        Map<String, Long> agreements = ClusterBridge.versions(API.agreements());
        Map<String, Long> figures = ClusterBridge.versions(API.figures());
        long started = System.nanoTime();

        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int leaks = 0;
        for (Bad bad : requests) {
            Reply reply = send(bad);
            statuses.merge(reply.status(), 1, Integer::sum);
            if (Problems.leak(reply).isPresent()) {
                leaks++;
            }
            String problem = Problems.verdict(reply);
            if (problem != null) {
                wrong.add(bad.category() + ": " + problem + " <- " + bad.method() + " " + Http.abbreviate(bad.url())
                        + (bad.body() == null ? "" : " " + Http.abbreviate(new String(bad.body(),
                                java.nio.charset.StandardCharsets.UTF_8))));
            }
        }
        long fiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey() >= 500)
                .mapToLong(Map.Entry::getValue).sum();
        Report.line("hostile input, %s: %d bad requests, %d answered right, %d wrong (%d were 5xx, %d showed internal "
                + "names); statuses %s (%.1f s)", service, requests.size(), requests.size() - wrong.size(),
                wrong.size(), fiveHundreds, leaks, statuses, (System.nanoTime() - started) / 1e9);
        wrong.stream().limit(40).forEach(w -> Report.line("  wrong answer from %s: %s", service, w));

        assertThat(requests).hasSizeGreaterThanOrEqualTo(500);
        assertThat(ClusterBridge.versions(API.clusters())).as("clusters after the bad requests").isEqualTo(clusters);
        assertThat(ClusterBridge.versions(API.agreements())).as("agreements after the bad requests")
                .isEqualTo(agreements);
        assertThat(ClusterBridge.versions(API.figures())).as("figures after the bad requests").isEqualTo(figures);
        assertThat(wrong).as("bad requests to %s not answered with a 4xx problem", service).isEmpty();
    }

    private static Reply send(Bad bad) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(bad.url())).method(bad.method(),
                bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
        if (bad.contentType() != null) {
            builder.header("Content-Type", bad.contentType());
        }
        if (bad.ifMatch() != null) {
            builder.header("If-Match", bad.ifMatch());
        }
        try {
            return Http.trySend(builder, bad.method(), bad.url());
        } catch (IOException e) {
            // A server that closes the connection on a huge body without answering has refused it.
            return new Reply(bad.method(), bad.url(), 0, null, null, e.toString());
        }
    }

    private static ObjectNode clusterBody(String slug) {
        ObjectNode body = ClusterBridge.clusterRequest(slug, "Hostile Base Cluster", "FR", "CLUSTER");
        body.putObject("description").put("en", "A cluster to break requests against");
        body.putObject("foundedOn").put("date", "2005-01-01").put("precision", "YEAR");
        body.put("website", "https://example.org/cluster");
        body.put("region", "Ile-de-France");
        ObjectNode leader = body.putArray("leaders").addObject();
        leader.put("name", "Jane Doe").put("nativeName", "ジェーン").put("since", "2020-01-01");
        leader.putObject("role").put("en", "Chief Executive Officer");
        body.putArray("memberClusterIds");
        ObjectNode report = body.putArray("membershipReports").addObject();
        report.put("asOf", "2023-12-31").put("total", 430).put("approximation", "MORE_THAN");
        report.putArray("breakdown").addObject().put("category", "STARTUPS_AND_SMES").put("count", 300);
        report.putObject("source").put("title", "Annual report").put("language", "en")
                .put("url", "https://example.org/report");
        return body;
    }

    private static ObjectNode agreementBody(String reference) {
        String a = clusterA.path("id").asText();
        String b = clusterB.path("id").asText();
        ObjectNode body = ClusterBridge.agreementRequest(reference, List.of(ClusterBridge.party(a),
                ClusterBridge.party(b)));
        body.putObject("purpose").put("en", "Cooperation between the two clusters");
        ObjectNode signatory = body.putArray("signatories").addObject();
        signatory.put("name", "Jane Doe").put("nativeName", "ジェーン").put("title", "CEO").put("clusterId", a);
        body.put("effectiveFrom", "2024-03-01");
        body.putObject("signingCeremony").put("mode", "ONLINE").put("platform", "Video conference")
                .put("start", "2024-03-01T17:00:00").put("end", "2024-03-01T17:40:00").put("timeZone", "Asia/Tokyo");
        ((ObjectNode) body.path("sources").get(0)).put("url", "https://example.org/press")
                .put("publishedOn", "2024-03-02");
        body.put("notes", "Signed online");
        return body;
    }

    private static ObjectNode figureBody(String sourceTitle) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("clusterId", clusterA.path("id").asText());
        body.put("indicator", "public-funding");
        body.put("nature", "ACTUAL");
        body.putObject("value").put("amount", "1250000.50").put("currency", "EUR").put("qualifier", "EXACT");
        body.putObject("period").put("kind", "SPAN").put("start", "2022-01-01").put("end", "2022-12-31");
        body.putArray("funders").addObject().put("name", "Bpifrance").put("description", "Public investment bank")
                .put("amount", "1000000").put("currency", "EUR");
        body.putObject("source").put("title", sourceTitle).put("publisher", "Hostile Target A").put("language", "en")
                .put("publishedOn", "2023-02-01").put("url", "https://example.org/figures");
        body.put("note", "A figure to break requests against");
        return body;
    }
}

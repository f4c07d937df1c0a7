package org.clusterbridge.mou.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clusterbridge.mou.Agreements.body;
import static org.clusterbridge.mou.Agreements.create;
import static org.clusterbridge.mou.Agreements.party;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.mou.ClusterEvents;
import org.clusterbridge.testing.ExportedLists;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The agreement lists as CSV and NDJSON exports (every match, in the JSON list's order, filters applied) and their
 * facets (counted over the whole filtered set). Each case uses clusters of its own, in countries no other test
 * uses (CK, NU, TK; GL has no cluster at all), so other tests' data cannot match.
 */
@QuarkusTest
class AgreementExportTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String AWKWARD = "Cooperation, \"in earnest\"\nand on a second line";
    static final String JAPANESE = "神戸医療産業都市と欧州クラスターの連携に関する覚書";

    @Test
    void csvHasAColumnPerFieldAndLanguageAndQuotesWhatNeedsIt() {
        UUID a = ClusterEvents.cluster("CSV Kobe", "CK");
        UUID b = ClusterEvents.cluster("CSV Lyon", "CK");
        Map<String, Object> known = body(a, b, LocalDate.of(2015, 3, 1));
        known.put("title", Map.of("en", AWKWARD, "ja", JAPANESE));
        known.put("purpose", Map.of("en", "Exchange", "fr", "Échanges entre clusters"));
        known.put("notes", "a, \"b\"\nc");
        known.put("term", Map.of("years", 5));
        known.put("focusAreas", List.of("digital-health", "biomaterials"));
        String knownId = create(known);
        create(body(a, b, LocalDate.of(2022, 6, 1)));
        create(body(a, b, LocalDate.of(2020, 1, 15)));
        String url = "/api/agreements?clusterId=" + a;

        ExportedLists.Csv csv = ExportedLists.csv(url);
        assertThat(csv.header()).startsWith("id", "reference", "title.en", "title.fr", "title.ja", "purpose.en",
                "purpose.fr", "purpose.ja", "kind", "status", "parties", "signatories");
        assertThat(csv.header()).contains("term.years", "term.months", "expiresOn", "focusAreas",
                "signingCeremony.mode", "termination.date", "termination.reason", "version", "updatedBy")
                .doesNotHaveDuplicates();
        JsonNode page = json(url);
        assertThat(csv.rows()).hasSize(page.path("total").asInt()).hasSize(3);
        assertThat(csv.column("id")).isEqualTo(ids(page));

        Map<String, String> row = csv.rows().stream().filter(r -> r.get("id").equals(knownId)).findFirst()
                .orElseThrow();
        assertThat(row).containsEntry("title.en", AWKWARD).containsEntry("title.ja", JAPANESE)
                .containsEntry("title.fr", "").containsEntry("purpose.fr", "Échanges entre clusters")
                .containsEntry("notes", "a, \"b\"\nc").containsEntry("kind", "MOU").containsEntry("status", "EXPIRED")
                .containsEntry("signedOn", "2015-03-01").containsEntry("term.years", "5")
                .containsEntry("expiresOn", "2020-03-01").containsEntry("focusAreas", "digital-health;biomaterials")
                .containsEntry("termination.date", "").containsEntry("version", "1");
        JsonNode parties = read(row.get("parties"));
        assertThat(parties).hasSize(2);
        assertThat(parties.get(0).path("clusterId").asText()).isEqualTo(a.toString());
        assertThat(parties.get(0).path("names").path("en").asText()).isEqualTo("CSV Kobe");
        assertThat(parties.get(1).path("country").asText()).isEqualTo("CK");
    }

    @Test
    void ndjsonLinesAreThePageItemsInTheListOrder() {
        UUID a = ClusterEvents.cluster("NDJSON Kobe", "CK");
        UUID member = ClusterEvents.cluster("NDJSON member", "TK");
        UUID alliance = ClusterEvents.alliance("NDJSON alliance", "NU", List.of(member));
        Map<String, Object> viaAlliance = body(a, alliance, LocalDate.of(2023, 2, 1));
        viaAlliance.put("parties", List.of(party(a), party(alliance, member)));
        viaAlliance.put("title", Map.of("en", "Alliance MOU", "ja", JAPANESE));
        create(viaAlliance);
        String terminated = create(body(a, member, LocalDate.of(2022, 2, 1)));
        given().contentType(ContentType.JSON).body(Map.of("date", TODAY.toString(), "reason", "ended, \"early\""))
                .post("/api/agreements/" + terminated + "/termination").then().statusCode(200);
        create(body(a, member, LocalDate.of(2022, 2, 1)));

        for (String url : List.of("/api/agreements?clusterId=" + a, "/api/clusters/" + member + "/agreements")) {
            JsonNode page = json(url);
            List<JsonNode> lines = ExportedLists.ndjson(url);
            assertThat(lines).as(url).hasSize(3);
            Map<String, JsonNode> items = new HashMap<>();
            page.path("items").forEach(item -> items.put(item.path("id").asText(), item));
            List<String> order = new ArrayList<>();
            for (JsonNode line : lines) {
                order.add(line.path("id").asText());
                assertThat(line).as("line %s of %s", line.path("id"), url).isEqualTo(items.get(line.path("id")
                        .asText()));
            }
            assertThat(order).as(url).isEqualTo(ids(page));
            assertThat(ExportedLists.csv(url).column("id")).as(url).isEqualTo(ids(page));
        }
        assertThat(ExportedLists.csv("/api/agreements?clusterId=" + a).rows())
                .filteredOn(row -> row.get("id").equals(terminated)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("termination.reason", "ended, \"early\"")
                        .containsEntry("status", "TERMINATED"));
    }

    @Test
    void exportsAreNotCappedWhereAPageIs() {
        UUID a = ClusterEvents.cluster("Bulk Kobe", "CK");
        UUID b = ClusterEvents.cluster("Bulk Lyon", "NU");
        for (int i = 0; i < 205; i++) {
            create(body(a, b, LocalDate.of(2019, 1, 1).plusDays(i / 2)));
        }
        String url = "/api/agreements?clusterId=" + a;
        JsonNode capped = json(url + "&size=200");
        assertThat(capped.path("items")).hasSize(200);
        assertThat(capped.path("total").asInt()).isEqualTo(205);
        given().get(url + "&size=201").then().statusCode(400).body("errors.field", hasItem("size"));

        List<String> all = new ArrayList<>(ids(capped));
        all.addAll(ids(json(url + "&size=200&page=1")));
        ExportedLists.Csv csv = ExportedLists.csv(url + "&size=200&page=3");
        assertThat(csv.rows()).hasSize(205);
        assertThat(csv.column("id")).isEqualTo(all);
        List<JsonNode> lines = ExportedLists.ndjson(url);
        assertThat(lines).hasSize(205);
        assertThat(lines.stream().map(line -> line.path("id").asText()).toList()).isEqualTo(all);
        assertThat(ExportedLists.ndjson("/api/clusters/" + b + "/agreements")).hasSize(205);
    }

    @Test
    void filtersApplyToExports() {
        UUID a = ClusterEvents.cluster("Filtered Kobe", "CK");
        UUID b = ClusterEvents.cluster("Filtered Lyon", "CK");
        UUID member = ClusterEvents.cluster("Filtered member", "TK");
        UUID alliance = ClusterEvents.alliance("Filtered alliance", "NU", List.of(member));
        Map<String, Object> viaCoSigner = body(a, alliance, LocalDate.of(2023, 2, 1));
        viaCoSigner.put("parties", List.of(party(a), party(alliance, member)));
        viaCoSigner.put("focusAreas", List.of("biomaterials"));
        String tk = create(viaCoSigner);
        String domestic = create(body(a, b, LocalDate.of(2023, 1, 1)));
        Map<String, Object> old = body(a, b, LocalDate.of(2010, 1, 1));
        old.put("term", Map.of("years", 5));
        String expired = create(old);

        assertThat(ExportedLists.csv("/api/agreements?clusterId=" + a + "&country=tk").column("id"))
                .containsExactly(tk);
        assertThat(ExportedLists.ndjson("/api/agreements?country=TK&focusArea=biomaterials").stream()
                .map(line -> line.path("id").asText())).contains(tk).doesNotContain(domestic, expired);
        assertThat(ExportedLists.csv("/api/agreements?clusterId=" + a + "&status=EXPIRED").column("id"))
                .containsExactly(expired);
        assertThat(ExportedLists.csv("/api/clusters/" + b + "/agreements?signedFrom=2020-01-01").column("id"))
                .containsExactly(domestic);
        assertThat(ExportedLists.ndjson("/api/clusters/" + member + "/agreements?focusArea=digital-health"))
                .isEmpty();
    }

    @Test
    void aSelectionWithoutMatchesExportsOnlyTheHeaderAndNoFacetValues() {
        for (String url : List.of("/api/agreements?country=GL", "/api/agreements?clusterId=" + UUID.randomUUID())) {
            ExportedLists.Csv csv = ExportedLists.csv(url);
            assertThat(csv.rows()).as(url).isEmpty();
            assertThat(csv.header()).as(url).contains("id", "reference", "title.en", "purpose.en", "parties");
            assertThat(ExportedLists.ndjson(url)).as(url).isEmpty();
            JsonNode page = json(url + "&facets=status,kind,country,focusArea");
            assertThat(page.path("total").asInt()).as(url).isZero();
            assertThat(names(page.path("facets"))).as(url).containsExactly("status", "kind", "country", "focusArea");
            page.path("facets").forEach(values -> assertThat(values).as(url).isEmpty());
        }
    }

    @Test
    void facetsCountTheWholeFilteredSetMostFrequentFirst() {
        UUID a = ClusterEvents.cluster("Facet Kobe", "CK");
        UUID b = ClusterEvents.cluster("Facet Osaka", "CK");
        UUID c = ClusterEvents.cluster("Facet Lille", "NU");
        UUID member = ClusterEvents.cluster("Facet member", "NU");
        UUID alliance = ClusterEvents.alliance("Facet alliance", "TK", List.of(member));
        Map<String, Object> domestic = body(a, b, LocalDate.of(2022, 1, 10));
        domestic.put("focusAreas", List.of("digital-health", "biomaterials"));
        create(domestic);
        Map<String, Object> expired = body(a, c, LocalDate.of(2015, 1, 10));
        expired.put("kind", "COOPERATION_AGREEMENT");
        expired.put("term", Map.of("years", 5));
        create(expired);
        Map<String, Object> notYetEffective = body(a, alliance, TODAY, "effectiveFrom", TODAY.plusDays(3));
        notYetEffective.put("parties", List.of(party(a), party(alliance, member)));
        notYetEffective.put("focusAreas", List.of("biomaterials"));
        create(notYetEffective);
        Map<String, Object> letter = body(a, b, LocalDate.of(2021, 5, 1));
        letter.put("kind", "LETTER_OF_INTENT");
        letter.put("focusAreas", List.of());
        String terminated = create(letter);
        given().contentType(ContentType.JSON).body(Map.of("date", TODAY.toString(), "reason", "ended"))
                .post("/api/agreements/" + terminated + "/termination").then().statusCode(200);
        create(body(a, c, LocalDate.of(2023, 9, 9)));
        String of = "/api/agreements?clusterId=" + a;

        JsonNode page = json(of + "&size=1&facets=status,kind,country,focusArea");
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("total").asInt()).isEqualTo(5);
        JsonNode facets = page.path("facets");
        assertThat(names(facets)).containsExactly("status", "kind", "country", "focusArea");
        assertThat(counts(facets.path("status"))).containsExactly(Map.entry("ACTIVE", 2), Map.entry("EXPIRED", 1),
                Map.entry("SIGNED", 1), Map.entry("TERMINATED", 1));
        assertThat(counts(facets.path("kind"))).containsExactly(Map.entry("MOU", 3),
                Map.entry("COOPERATION_AGREEMENT", 1), Map.entry("LETTER_OF_INTENT", 1));
        // each agreement once per distinct country of its parties and co-signers (Kobe and Osaka are both CK)
        assertThat(counts(facets.path("country"))).containsExactly(Map.entry("CK", 5), Map.entry("NU", 3),
                Map.entry("TK", 1));
        assertThat(counts(facets.path("focusArea"))).containsExactly(Map.entry("digital-health", 3),
                Map.entry("biomaterials", 2));

        // the counts are those of the lists filtered by each value
        counts(facets.path("status")).forEach((status, count) -> assertThat(total(of + "&status=" + status))
                .as(status).isEqualTo(count));
        counts(facets.path("country")).forEach((country, count) -> assertThat(total(of + "&country=" + country))
                .as(country).isEqualTo(count));
        counts(facets.path("focusArea")).forEach((area, count) -> assertThat(total(of + "&focusArea=" + area))
                .as(area).isEqualTo(count));
        Map<String, Integer> kinds = new HashMap<>();
        json(of + "&size=200").path("items").forEach(item -> kinds.merge(item.path("kind").asText(), 1,
                Integer::sum));
        assertThat(counts(facets.path("kind"))).isEqualTo(kinds);

        // with the other filters applied, and on a cluster's list (reached through its alliance)
        JsonNode active = json(of + "&status=ACTIVE&facets=country,kind").path("facets");
        assertThat(names(active)).containsExactly("country", "kind");
        assertThat(counts(active.path("country"))).containsExactly(Map.entry("CK", 2), Map.entry("NU", 1));
        assertThat(counts(active.path("kind"))).containsExactly(Map.entry("MOU", 2));
        JsonNode ofMember = json("/api/clusters/" + member + "/agreements?facets=country,status").path("facets");
        assertThat(counts(ofMember.path("country"))).containsExactly(Map.entry("CK", 1), Map.entry("NU", 1),
                Map.entry("TK", 1));
        assertThat(counts(ofMember.path("status"))).containsExactly(Map.entry("SIGNED", 1));
        assertThat(json(of).has("facets")).as("no facets unless asked for").isFalse();
        assertThat(json(of + "&facets=").has("facets")).isFalse();
    }

    @Test
    void badFacetsAndUnservedMediaTypesAreProblems() {
        UUID a = ClusterEvents.cluster("Refused Kobe", "CK");
        for (String list : List.of("/api/agreements?facets=", "/api/clusters/" + a + "/agreements?facets=")) {
            for (String accept : List.of("application/json", "text/csv", "application/x-ndjson")) {
                given().accept(accept).get(list + "status,colour").then().statusCode(400)
                        .contentType("application/problem+json").body("errors.field", hasItem("facets"))
                        .body("errors[0].message", containsString("colour"));
            }
            given().accept("text/csv").get(list + "status&size=0").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("size"));
            given().accept("application/xml").get(list + "status").then().statusCode(406)
                    .contentType("application/problem+json");
        }
        // a streamed format ignores facets: the same export as without them
        create(body(a, ClusterEvents.cluster("Refused Lyon", "NU"), LocalDate.of(2024, 1, 1)));
        String of = "/api/clusters/" + a + "/agreements";
        assertThat(ExportedLists.csv(of + "?facets=status,country")).isEqualTo(ExportedLists.csv(of));
        assertThat(ExportedLists.ndjson(of + "?facets=kind")).isEqualTo(ExportedLists.ndjson(of)).hasSize(1);
        given().accept("*/*").get(of + "?facets=kind").then().statusCode(200).contentType(ContentType.JSON)
                .body("facets.kind[0].value", equalTo("MOU"));
    }

    private static JsonNode json(String url) {
        return read(given().get(url).then().statusCode(200).contentType(ContentType.JSON).extract().asString());
    }

    private static int total(String url) {
        return json(url).path("total").asInt();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** A facet's values with their counts, in the order served. */
    private static Map<String, Integer> counts(JsonNode facet) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        facet.forEach(value -> counts.put(value.path("value").asText(), value.path("count").asInt()));
        return counts;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

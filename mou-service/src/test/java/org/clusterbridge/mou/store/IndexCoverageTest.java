package org.clusterbridge.mou.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.clusterbridge.events.mongodb.ByIds;
import org.clusterbridge.mou.domain.AgreementQuery;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;

/**
 * On MongoDB every read the service issues can use an index: each query's filter (rendered from the filter code
 * itself) names, among the conditions that all must hold, a field that leads a declared index of its collection
 * (or {@code _id}), every branch of an {@code $or} does, or its sort is a prefix of a declared index. {@code $ne}
 * and {@code $nin} do not count: they select nearly everything. The queries are those of every documented filter of
 * {@code /api/agreements}, of a cluster's list and the network (read from their read models by {@code _id}), of the
 * status check and of the cluster view; the table of each query's fields and the index it can use is printed.
 */
class IndexCoverageTest {

    static final LocalDate DAY = LocalDate.of(2026, 1, 31);
    static final Map<String, List<IndexModel>> DECLARED = Map.of(
            AgreementStore.COLLECTION, AgreementStore.INDEXES,
            ClusterViewStore.COLLECTION, ClusterViewStore.INDEXES,
            ClusterAgreements.COLLECTION, List.of(),
            AgreementNetwork.COLLECTION, List.of(),
            ClusterViewStore.ALLIANCES, List.of());
    static final Set<String> SELECTIVE = Set.of("$eq", "$in", "$gt", "$gte", "$lt", "$lte", "$all", "$regex");

    record Query(String name, String collection, Bson filter, Bson sort) {
    }

    @Test
    void everyQueryCanUseADeclaredIndex() {
        List<String> uncovered = new ArrayList<>();
        StringBuilder table = new StringBuilder("query | collection | filter fields | index\n");
        for (Query query : queries()) {
            BsonDocument filter = render(query.filter());
            List<List<String>> indexes = indexKeys(query.collection());
            String index = coveringIndex(filter, indexes);
            if (index == null && query.sort() != null) {
                List<String> sort = List.copyOf(render(query.sort()).keySet());
                index = indexes.stream().filter(keys -> keys.size() >= sort.size()
                        && keys.subList(0, sort.size()).equals(sort)).findFirst().map(keys -> "sort " + keys)
                        .orElse(null);
            }
            table.append(query.name()).append(" | ").append(query.collection()).append(" | ")
                    .append(fields(filter)).append(" | ").append(index).append('\n');
            if (index == null) {
                uncovered.add(query.name() + " " + filter.toJson());
            }
        }
        System.out.println(table);
        assertThat(uncovered).as("queries no declared index serves").isEmpty();
    }

    @Test
    void everyFilterOfTheListsIsAmongTheQueriesChecked() {
        Set<String> exercised = new TreeSet<>();
        for (AgreementQuery query : documented(UUID.randomUUID()).values()) {
            for (RecordComponent component : AgreementQuery.class.getRecordComponents()) {
                try {
                    if (component.getAccessor().invoke(query) != null) {
                        exercised.add(component.getName());
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        Set<String> all = new TreeSet<>();
        for (RecordComponent component : AgreementQuery.class.getRecordComponents()) {
            all.add(component.getName());
        }
        assertThat(exercised).isEqualTo(all);
    }

    /** Every query of the register's reads, built by the code that issues it (lookups by {@code _id} written out). */
    static List<Query> queries() {
        UUID cluster = UUID.randomUUID();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<Query> queries = new ArrayList<>();
        documented(cluster).forEach((name, query) -> {
            if (query.clusterId() == null) {
                // The register's list filters the agreements; a country is the view's clusters of that country.
                List<UUID> inCountry = query.country() == null ? null : List.of(UUID.randomUUID());
                queries.add(new Query("GET /api/agreements?" + name, AgreementStore.COLLECTION,
                        AgreementFilters.of(new AgreementSelection(query, null, inCountry, DAY)),
                        AgreementStore.LIST_ORDER));
            }
        });
        // clusterId= and a cluster's list (with any filter, checked on the agreements read): by _id only.
        queries.add(new Query("GET /api/agreements?clusterId= (entries)", ClusterAgreements.COLLECTION,
                ByIds.filter(List.of(cluster.toString())), null));
        queries.add(new Query("GET /api/clusters/{id}/agreements (alliances noted)", ClusterViewStore.ALLIANCES,
                Filters.eq("_id", cluster.toString()), null));
        queries.add(new Query("GET /api/clusters/{id}/agreements (alliances checked)", ClusterViewStore.COLLECTION,
                Filters.in("_id", ids), null));
        queries.add(new Query("GET /api/clusters/{id}/agreements (entries)", ClusterAgreements.COLLECTION,
                ByIds.filter(List.of(cluster.toString(), UUID.randomUUID().toString())), null));
        queries.add(new Query("per-cluster candidates, page, export", AgreementStore.COLLECTION,
                ByIds.filter(List.copyOf(ids)), null));
        queries.add(new Query("GET /api/network (revision)", AgreementNetwork.COLLECTION,
                AgreementNetwork.revisionDocument(), null));
        queries.add(new Query("GET /api/network (outlines)", AgreementNetwork.COLLECTION,
                AgreementNetwork.everyBucket(), null));
        queries.add(new Query("GET /api/network (uncertain outlines)", AgreementStore.COLLECTION,
                ByIds.filter(List.copyOf(ids)), null));
        queries.add(new Query("nodes, names, countries", ClusterViewStore.COLLECTION, Filters.in("_id", ids), null));
        queries.add(new Query("GET /api/agreements/{id}", AgreementStore.COLLECTION, Filters.eq("_id", ids.get(0)),
                null));
        queries.add(new Query("status check", AgreementStore.COLLECTION, AgreementFilters.dueForRestatement(DAY),
                null));
        queries.add(new Query("cluster by slug", ClusterViewStore.COLLECTION, ClusterViewStore.slugIs("medicen"),
                null));
        queries.add(new Query("clusters of a country", ClusterViewStore.COLLECTION, ClusterViewStore.countryIs("JP"),
                null));
        return queries;
    }

    /** Each documented filter of the agreement lists alone (and none), for the register's list. */
    static Map<String, AgreementQuery> documented(UUID cluster) {
        Map<String, AgreementQuery> queries = new java.util.LinkedHashMap<>();
        queries.put("", new AgreementQuery(null, null, null, null, null, null, null, null));
        queries.put("clusterId", new AgreementQuery(cluster, null, null, null, null, null, null, null));
        for (AgreementStatus status : AgreementStatus.values()) {
            queries.put("status=" + status, new AgreementQuery(null, status, null, null, null, null, null, null));
        }
        queries.put("country", new AgreementQuery(null, null, "JP", null, null, null, null, null));
        queries.put("focusArea", new AgreementQuery(null, null, null, "biomaterials", null, null, null, null));
        queries.put("signedFrom", new AgreementQuery(null, null, null, null, DAY, null, null, null));
        queries.put("signedTo", new AgreementQuery(null, null, null, null, null, DAY, null, null));
        queries.put("expiringWithinDays", new AgreementQuery(null, null, null, null, null, null, 30, null));
        queries.put("updatedSince (second)", new AgreementQuery(null, null, null, null, null, null, null,
                Instant.parse("2026-01-31T00:00:05Z")));
        queries.put("updatedSince (fraction)", new AgreementQuery(null, null, null, null, null, null, null,
                Instant.parse("2026-01-31T00:00:05.12Z")));
        return queries;
    }

    /** The name of an index (or {@code _id}) one of the filter's conditions can use; null when there is none. */
    private static String coveringIndex(BsonDocument filter, List<List<String>> indexes) {
        for (BsonDocument condition : conjuncts(filter)) {
            for (Map.Entry<String, BsonValue> entry : condition.entrySet()) {
                if (entry.getKey().equals("$or")) {
                    List<String> branches = new ArrayList<>();
                    for (BsonValue branch : entry.getValue().asArray()) {
                        branches.add(coveringIndex(branch.asDocument(), indexes));
                    }
                    if (!branches.contains(null)) {
                        return "each of " + branches;
                    }
                } else if (selective(entry.getValue())) {
                    for (List<String> keys : indexes) {
                        if (keys.get(0).equals(entry.getKey())) {
                            return keys.toString();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static List<BsonDocument> conjuncts(BsonDocument filter) {
        List<BsonDocument> conjuncts = new ArrayList<>();
        filter.forEach((key, value) -> {
            if (key.equals("$and")) {
                value.asArray().forEach(clause -> conjuncts.addAll(conjuncts(clause.asDocument())));
            } else {
                conjuncts.add(new BsonDocument(key, value));
            }
        });
        return conjuncts;
    }

    private static boolean selective(BsonValue condition) {
        if (!condition.isDocument() || condition.asDocument().isEmpty()
                || !condition.asDocument().getFirstKey().startsWith("$")) {
            return true;
        }
        return condition.asDocument().keySet().stream().anyMatch(SELECTIVE::contains);
    }

    private static Set<String> fields(BsonDocument filter) {
        Set<String> fields = new LinkedHashSet<>();
        filter.forEach((key, value) -> {
            if (key.startsWith("$") && value.isArray()) {
                value.asArray().forEach(clause -> fields.addAll(fields(clause.asDocument())));
            } else {
                fields.add(key);
            }
        });
        return fields;
    }

    private static List<List<String>> indexKeys(String collection) {
        List<List<String>> keys = new ArrayList<>();
        keys.add(List.of("_id"));
        DECLARED.get(collection).forEach(index -> keys.add(List.copyOf(render(index.getKeys()).keySet())));
        return keys;
    }

    private static BsonDocument render(Bson bson) {
        return bson.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
    }
}

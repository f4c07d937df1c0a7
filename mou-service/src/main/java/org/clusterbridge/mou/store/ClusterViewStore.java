package org.clusterbridge.mou.store;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.clusterbridge.events.mongodb.ByIds;
import org.clusterbridge.events.mongodb.MongoViewGate;
import org.clusterbridge.mou.domain.ClusterSummary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The {@code cluster_view} collection: one document per cluster (its {@code _id} the cluster id) holding the
 * latest state the view stored, and the queries agreements need of it. Beside it, {@code cluster_alliances}
 * lists per member cluster ({@code _id}) the alliances that have listed it, so that a cluster's alliances are read
 * by {@code _id}: noted before the alliance's state is stored, never removed, and checked against the alliances'
 * current members when read, so that a member an alliance dropped is not counted.
 */
@ApplicationScoped
public class ClusterViewStore {

    public static final String COLLECTION = "cluster_view";
    static final String ALLIANCES = "cluster_alliances";
    static final String MEMBERS = "memberClusterIds";
    private static final String SLUG = MongoViewGate.field("slug");
    private static final String COUNTRY = MongoViewGate.field("country");
    private static final String MEMBER_IDS = MongoViewGate.field(MEMBERS);
    /** The indexes of the view's queries (StoreIndexes creates them; IndexCoverageTest checks). */
    static final List<IndexModel> INDEXES = List.of(new IndexModel(Indexes.ascending(SLUG)),
            new IndexModel(Indexes.ascending(COUNTRY)), new IndexModel(Indexes.ascending(MEMBER_IDS)));
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> view;
    private final MongoCollection<Document> alliances;
    private final ObjectMapper reader;

    ClusterViewStore(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            ObjectMapper mapper) {
        this.view = mongo.getDatabase(database).getCollection(COLLECTION);
        this.alliances = mongo.getDatabase(database).getCollection(ALLIANCES);
        this.reader = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    void createIndexes() {
        view.createIndexes(INDEXES);
    }

    /** Before the view stores {@code cluster}: each of its members notes it among its alliances. */
    public void noteMembers(ClusterSummary cluster) {
        noteMembers(cluster.id().toString(), cluster.memberClusterIds().stream().map(UUID::toString).toList());
    }

    /** The cluster's document, for the view's gate to store in place of the one it holds. */
    public MongoViewGate.Replacement replacement(ClusterSummary cluster) {
        Document state = new Document("slug", cluster.slug())
                .append("names", new Document(cluster.names()))
                .append("acronym", cluster.acronym())
                .append("kind", cluster.kind())
                .append("country", cluster.country())
                .append("status", cluster.status())
                .append(MEMBERS, cluster.memberClusterIds().stream().map(UUID::toString).toList())
                .append("version", cluster.version());
        return new MongoViewGate.Replacement(view, state);
    }

    public void deleteAll() {
        view.deleteMany(new Document());
        alliances.deleteMany(new Document());
    }

    /**
     * Moves the documents stored before the view's state was embedded in {@code latest} (the gate's shape) into
     * it; returns how many. Each is one update by {@code _id} that {@code $max} keeps from undoing a newer state the
     * view stored meanwhile.
     */
    public int embedFlatDocuments() {
        int moved = 0;
        for (Document flat : view.find(Filters.exists(MongoViewGate.LATEST, false))) {
            Object id = flat.get("_id");
            Object sequence = flat.get(MongoViewGate.SEQUENCE);
            Document stored = MongoViewGate.stored(id.toString(),
                    sequence instanceof Number number ? number.longValue() : 0L, flat);
            List<Bson> unset = flat.keySet().stream().filter(key -> !"_id".equals(key)).map(Updates::unset)
                    .toList();
            List<Bson> update = new ArrayList<>(unset);
            update.add(Updates.max(MongoViewGate.LATEST, stored.get(MongoViewGate.LATEST)));
            view.updateOne(eq("_id", id), Updates.combine(update));
            moved++;
        }
        return moved;
    }

    /** Notes every alliance the view holds with its members, for a store whose view was kept before the notes. */
    public int rebuildAlliances() {
        int count = 0;
        for (Document d : view.find().projection(Projections.include(MEMBER_IDS))) {
            List<String> members = MongoViewGate.state(d).getList(MEMBERS, String.class, List.of());
            if (!members.isEmpty()) {
                noteMembers(d.getString("_id"), members);
                count++;
            }
        }
        return count;
    }

    public Optional<ClusterSummary> find(UUID id) {
        return Optional.ofNullable(view.find(eq("_id", id.toString())).first()).map(this::summary);
    }

    public Optional<ClusterSummary> findBySlug(String slug) {
        return Optional.ofNullable(view.find(slugIs(slug)).first()).map(this::summary);
    }

    public Map<UUID, ClusterSummary> find(Collection<UUID> ids) {
        Map<UUID, ClusterSummary> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        ByIds.find(view, ids.stream().map(UUID::toString).toList(), document -> {
            ClusterSummary summary = summary(document);
            found.put(summary.id(), summary);
        });
        return found;
    }

    /** The countries of those of {@code ids} (as stored: strings) the view knows and gives a country, by id. */
    public Map<String, String> countries(Collection<String> ids) {
        Map<String, String> countries = new HashMap<>();
        if (ids.isEmpty()) {
            return countries;
        }
        ByIds.find(view, ids, query -> query.projection(Projections.include(COUNTRY)), d -> {
            String country = MongoViewGate.state(d).getString("country");
            if (country != null) {
                countries.put(d.getString("_id"), country);
            }
        });
        return countries;
    }

    /** The alliances that list {@code clusterId} among their members: its notes, checked against the view. */
    public List<UUID> alliancesOf(UUID clusterId) {
        String member = clusterId.toString();
        Document noted = alliances.find(eq("_id", member)).first();
        List<String> candidates = noted == null ? List.of() : noted.getList(ALLIANCES, String.class, List.of());
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<UUID> current = new ArrayList<>();
        ByIds.find(view, candidates, query -> query.projection(Projections.include(MEMBER_IDS)), d -> {
            if (MongoViewGate.state(d).getList(MEMBERS, String.class, List.of()).contains(member)) {
                current.add(UUID.fromString(d.getString("_id")));
            }
        });
        return current;
    }

    public List<UUID> inCountry(String country) {
        return ids(view.find(countryIs(country)).projection(Projections.include("_id")));
    }

    /** The filter of {@link #findBySlug}. */
    static Bson slugIs(String slug) {
        return eq(SLUG, slug);
    }

    /** The filter of {@link #inCountry}. */
    static Bson countryIs(String country) {
        return eq(COUNTRY, country);
    }

    private void noteMembers(String alliance, List<String> members) {
        List<WriteModel<Document>> notes = new ArrayList<>();
        members.forEach(member -> notes.add(new UpdateOneModel<>(eq("_id", member),
                Updates.addToSet(ALLIANCES, alliance), UPSERT)));
        if (!notes.isEmpty()) {
            alliances.bulkWrite(notes, new BulkWriteOptions().ordered(false));
        }
    }

    private static List<UUID> ids(Iterable<Document> documents) {
        List<UUID> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(UUID.fromString(d.getString("_id"))));
        return ids;
    }

    private ClusterSummary summary(Document document) {
        Document state = MongoViewGate.state(document);
        state.put("id", document.get("_id"));
        return reader.convertValue(state, ClusterSummary.class);
    }
}

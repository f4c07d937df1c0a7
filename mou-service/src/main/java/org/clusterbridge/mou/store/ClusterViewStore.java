package org.clusterbridge.mou.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.clusterbridge.events.mongodb.MongoViewGate;
import org.clusterbridge.mou.domain.ClusterSummary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;

/**
 * The {@code cluster_view} collection: one document per cluster (its {@code _id} the cluster id) holding the
 * latest state the view stored, and the queries agreements need of it.
 */
@ApplicationScoped
public class ClusterViewStore {

    public static final String COLLECTION = "cluster_view";

    private final MongoCollection<Document> view;
    private final ObjectMapper reader;

    ClusterViewStore(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            ObjectMapper mapper) {
        this.view = mongo.getDatabase(database).getCollection(COLLECTION);
        this.reader = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    void createIndexes() {
        view.createIndex(Indexes.ascending("slug"));
        view.createIndex(Indexes.ascending("country"));
        view.createIndex(Indexes.ascending("memberClusterIds"));
    }

    /** The cluster's document, for the view's gate to store in place of the one it holds. */
    public MongoViewGate.Replacement replacement(ClusterSummary cluster) {
        Document state = new Document("slug", cluster.slug())
                .append("names", new Document(cluster.names()))
                .append("acronym", cluster.acronym())
                .append("kind", cluster.kind())
                .append("country", cluster.country())
                .append("status", cluster.status())
                .append("memberClusterIds", cluster.memberClusterIds().stream().map(UUID::toString).toList())
                .append("version", cluster.version());
        return new MongoViewGate.Replacement(view, state);
    }

    public void deleteAll() {
        view.deleteMany(new Document());
    }

    public Optional<ClusterSummary> find(UUID id) {
        return Optional.ofNullable(view.find(eq("_id", id.toString())).first()).map(this::summary);
    }

    public Optional<ClusterSummary> findBySlug(String slug) {
        return Optional.ofNullable(view.find(eq("slug", slug)).first()).map(this::summary);
    }

    public Map<UUID, ClusterSummary> find(Collection<UUID> ids) {
        Map<UUID, ClusterSummary> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document document : view.find(in("_id", ids.stream().map(UUID::toString).distinct().toList()))) {
            ClusterSummary summary = summary(document);
            found.put(summary.id(), summary);
        }
        return found;
    }

    /** The countries of those of {@code ids} (as stored: strings) the view knows and gives a country, by id. */
    public Map<String, String> countries(Collection<String> ids) {
        Map<String, String> countries = new HashMap<>();
        if (ids.isEmpty()) {
            return countries;
        }
        view.find(in("_id", List.copyOf(ids))).projection(Projections.include("country")).forEach(d -> {
            String country = d.getString("country");
            if (country != null) {
                countries.put(d.getString("_id"), country);
            }
        });
        return countries;
    }

    /** The alliances that list {@code clusterId} among their members. */
    public List<UUID> alliancesOf(UUID clusterId) {
        return ids(view.find(eq("memberClusterIds", clusterId.toString())).projection(Projections.include("_id")));
    }

    public List<UUID> inCountry(String country) {
        return ids(view.find(eq("country", country)).projection(Projections.include("_id")));
    }

    private static List<UUID> ids(Iterable<Document> documents) {
        List<UUID> ids = new ArrayList<>();
        documents.forEach(d -> ids.add(UUID.fromString(d.getString("_id"))));
        return ids;
    }

    private ClusterSummary summary(Document document) {
        Document copy = new Document(document);
        copy.put("id", copy.remove("_id"));
        copy.remove(MongoViewGate.SEQUENCE);
        return reader.convertValue(copy, ClusterSummary.class);
    }
}

package org.clusterbridge.mou.events;

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
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.mongodb.MongoVersionedViews;
import org.clusterbridge.events.views.RebuildableView;
import org.clusterbridge.events.views.ViewEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;

import io.smallrye.common.annotation.Blocking;

/**
 * This service's view of clusters, kept from {@code cluster-events}: one document per cluster holding the latest
 * state, replaced only by a newer sequence. Agreements store cluster ids only; names come from here when read.
 */
@ApplicationScoped
public class ClusterView implements RebuildableView {

    public static final String COLLECTION = "cluster_view";
    static final String VIEW = "clusters";

    private final MongoCollection<Document> view;
    private final MongoVersionedViews versionedViews;
    private final ViewEvents viewEvents;
    private final CloudEvents cloudEvents;
    private final ObjectMapper reader;

    ClusterView(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            MongoVersionedViews versionedViews, ViewEvents viewEvents, CloudEvents cloudEvents, ObjectMapper mapper) {
        this.view = mongo.getDatabase(database).getCollection(COLLECTION);
        this.versionedViews = versionedViews;
        this.viewEvents = viewEvents;
        this.cloudEvents = cloudEvents;
        this.reader = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public void createIndexes() {
        view.createIndex(Indexes.ascending("slug"));
        view.createIndex(Indexes.ascending("country"));
        view.createIndex(Indexes.ascending("memberClusterIds"));
    }

    @Incoming(EventTopics.CLUSTER_EVENTS)
    @Blocking
    public void on(String payload) {
        viewEvents.handle(VIEW, payload, this::apply);
    }

    /** Applies a cluster event; false when the view already holds that state or a newer one. */
    public boolean apply(CloudEvent event) {
        ClusterSummary cluster = cloudEvents.data(event, ClusterSummary.class);
        if (cluster.id() == null || !cluster.id().toString().equals(event.subject())) {
            throw new CloudEvents.MalformedEventException("cluster event " + event.id() + " has no id matching "
                    + "its subject", null);
        }
        Document state = new Document("slug", cluster.slug())
                .append("names", new Document(cluster.names()))
                .append("acronym", cluster.acronym())
                .append("kind", cluster.kind())
                .append("country", cluster.country())
                .append("status", cluster.status())
                .append("memberClusterIds", cluster.memberClusterIds().stream().map(UUID::toString).toList())
                .append("version", cluster.version());
        return versionedViews.upsert(view, event.subject(), event.sequence(), state);
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
        copy.remove(MongoVersionedViews.SEQUENCE);
        return reader.convertValue(copy, ClusterSummary.class);
    }

    @Override
    public String channel() {
        return EventTopics.CLUSTER_EVENTS;
    }

    @Override
    public void clear() {
        view.deleteMany(new Document());
    }
}

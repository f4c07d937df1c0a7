package org.clusterbridge.events.sample;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bson.Document;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.mongodb.MongoVersionedViews;
import org.clusterbridge.events.postgresql.PostgresViewGate;
import org.clusterbridge.events.views.RebuildableView;
import org.clusterbridge.events.views.ViewEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import io.smallrye.common.annotation.Blocking;

/** Keeps a PostgreSQL view and a MongoDB view of samples from {@code sample-events}. */
@ApplicationScoped
public class SampleViews implements RebuildableView {

    public static final String VIEW = "samples";

    private final ViewEvents viewEvents;
    private final PostgresViewGate gate;
    private final MongoVersionedViews mongoViews;
    private final CloudEvents cloudEvents;
    private final MongoCollection<Document> mongoView;
    private final List<String> received = new CopyOnWriteArrayList<>();

    SampleViews(ViewEvents viewEvents, PostgresViewGate gate, MongoVersionedViews mongoViews, CloudEvents cloudEvents,
            MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.viewEvents = viewEvents;
        this.gate = gate;
        this.mongoViews = mongoViews;
        this.cloudEvents = cloudEvents;
        this.mongoView = mongo.getDatabase(database).getCollection("sample_view");
    }

    @Incoming("sample-events")
    @Blocking
    public void on(String payload) {
        viewEvents.handle(VIEW, payload, event -> {
            received.add(event.id().toString());
            SampleState state = cloudEvents.data(event, SampleState.class);
            boolean relational = gate.apply(VIEW, event, applied -> store(state));
            boolean document = mongoViews.upsert(mongoView, event.subject(), event.sequence(),
                    new Document("name", state.name()).append("version", state.version()));
            return relational || document;
        });
    }

    private void store(SampleState state) {
        SampleView view = SampleView.findById(state.id());
        if (view == null) {
            view = new SampleView();
            view.id = state.id();
        }
        view.name = state.name();
        view.version = state.version();
        view.persist();
    }

    /** Every event id this consumer received, duplicates included. */
    public List<String> received() {
        return received;
    }

    public MongoCollection<Document> mongoView() {
        return mongoView;
    }

    @Override
    public String channel() {
        return "sample-events";
    }

    @Override
    @Transactional
    public void clear() {
        SampleView.deleteAll();
        gate.reset(VIEW);
        mongoView.deleteMany(new Document());
    }

    public static String key(UUID id) {
        return id.toString();
    }
}

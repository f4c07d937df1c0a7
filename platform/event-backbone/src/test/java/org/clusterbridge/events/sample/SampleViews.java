package org.clusterbridge.events.sample;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.mongodb.MongoViewGate;
import org.clusterbridge.events.postgresql.PostgresViewGate;
import org.clusterbridge.events.postgresql.PostgresViewGate.Write;
import org.clusterbridge.events.views.InboundView;
import org.clusterbridge.events.views.ViewSpec;
import org.clusterbridge.events.views.ViewEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps a PostgreSQL view and a MongoDB view of samples from {@code sample-events}: the same inbound-view
 * mechanism over each store's gate.
 */
@ApplicationScoped
public class SampleViews implements InboundView<SampleState, Write> {

    public static final String VIEW = "samples";
    private static final ViewSpec<SampleState, Write> SPEC = new ViewSpec<>(VIEW, "sample-events", "sample",
            SampleState.class, PostgresViewGate.class);

    private final ViewEvents viewEvents;
    private final SampleDocuments documents;
    private final List<String> received = new CopyOnWriteArrayList<>();

    SampleViews(ViewEvents viewEvents, MongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.viewEvents = viewEvents;
        this.documents = new SampleDocuments(mongo.getDatabase(database).getCollection("sample_view"));
    }

    @Incoming("sample-events")
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return viewEvents.consume(batch, List.of(this, documents));
    }

    @Override
    public ViewSpec<SampleState, Write> spec() {
        return SPEC;
    }

    @Override
    public String lacks(CloudEvent event, SampleState data) {
        return data.id() == null ? "has no id" : null;
    }

    @Override
    public Write write(CloudEvent event, SampleState state) {
        received.add(event.id().toString());
        return Write.entities(() -> {
            SampleView view = SampleView.findById(state.id());
            if (view == null) {
                view = new SampleView();
                view.id = state.id();
            }
            view.name = state.name();
            view.version = state.version();
            view.persist();
        });
    }

    /** Both stores: the documents have no gate of their own to reset, their sequences go with them. */
    @Override
    public void deleteAll() {
        SampleView.deleteAll();
        documents.deleteAll();
    }

    /** Every event id this consumer received, duplicates included. */
    public List<String> received() {
        return received;
    }

    public MongoCollection<Document> mongoView() {
        return documents.collection;
    }

    public static String key(UUID id) {
        return id.toString();
    }

    /** The MongoDB view of the same events: one document per sample. */
    private record SampleDocuments(MongoCollection<Document> collection)
            implements InboundView<SampleState, MongoViewGate.Replacement> {

        private static final ViewSpec<SampleState, MongoViewGate.Replacement> SPEC = new ViewSpec<>(
                VIEW + "-documents", "sample-events", "sample", SampleState.class, MongoViewGate.class);

        @Override
        public ViewSpec<SampleState, MongoViewGate.Replacement> spec() {
            return SPEC;
        }

        @Override
        public String lacks(CloudEvent event, SampleState data) {
            return null;
        }

        @Override
        public MongoViewGate.Replacement write(CloudEvent event, SampleState state) {
            return new MongoViewGate.Replacement(collection,
                    new Document("name", state.name()).append("version", state.version()));
        }

        @Override
        public void deleteAll() {
            collection.deleteMany(new Document());
        }
    }
}

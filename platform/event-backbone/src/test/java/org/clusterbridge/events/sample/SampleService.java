package org.clusterbridge.events.sample;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.bson.Document;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.mongodb.MongoOutbox;
import org.clusterbridge.events.postgresql.PostgresOutbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;

/** Writes samples the way the services write their aggregates: change and event together. */
@ApplicationScoped
public class SampleService {

    public static final String TOPIC = "sample-events";

    private final PostgresOutbox postgresOutbox;
    private final MongoOutbox mongoOutbox;
    private final CloudEvents cloudEvents;
    private final MongoCollection<Document> samples;

    SampleService(PostgresOutbox postgresOutbox, MongoOutbox mongoOutbox, CloudEvents cloudEvents,
            MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database) {
        this.postgresOutbox = postgresOutbox;
        this.mongoOutbox = mongoOutbox;
        this.cloudEvents = cloudEvents;
        this.samples = mongo.getDatabase(database).getCollection("samples");
    }

    /** Creates or renames a sample in PostgreSQL; returns its version. */
    @Transactional
    public long write(UUID id, String name) {
        Sample sample = Sample.findById(id);
        if (sample == null) {
            sample = new Sample();
            sample.id = id;
            sample.name = name;
            sample.version = 1;
            sample.persist();
        } else {
            sample.name = name;
            sample.version++;
        }
        postgresOutbox.append(TOPIC, event(sample.id, name, sample.version));
        return sample.version;
    }

    /** Like {@link #write} but fails after the event was appended: the transaction rolls back. */
    @Transactional
    public void writeThenFail(UUID id, String name) {
        write(id, name);
        throw new IllegalStateException("failure after the outbox append");
    }

    /** Creates or renames a sample in MongoDB with one single-document update; returns its version. */
    public long writeDocument(UUID id, String name) {
        while (true) {
            Document current = samples.find(eq("_id", id.toString())).first();
            if (current == null) {
                Document created = new Document("_id", id.toString()).append("name", name).append("version", 1L)
                        .append(MongoOutbox.FIELD, mongoOutbox.pending(TOPIC, event(id, name, 1)));
                try {
                    samples.insertOne(created);
                } catch (com.mongodb.MongoWriteException e) {
                    continue;
                }
                mongoOutbox.committed(id.toString());
                return 1;
            }
            long next = current.getLong("version") + 1;
            var result = samples.updateOne(and(eq("_id", id.toString()), eq("version", next - 1)),
                    Updates.combine(Updates.set("name", name), Updates.set("version", next),
                            mongoOutbox.push(TOPIC, event(id, name, next))));
            if (result.getModifiedCount() == 1) {
                mongoOutbox.committed(id.toString());
                return next;
            }
        }
    }

    /**
     * Creates a sample in MongoDB as a writer that died once its write was stored, before it could say so: the
     * event is in the document, and {@code committed} was never called.
     */
    public void writeDocumentAndDie(UUID id, String name) {
        samples.insertOne(new Document("_id", id.toString()).append("name", name).append("version", 1L)
                .append(MongoOutbox.FIELD, mongoOutbox.pending(TOPIC, event(id, name, 1))));
    }

    private CloudEvent event(UUID id, String name, long version) {
        return cloudEvents.create("sample", "changed", id, version, "sample-writer",
                new SampleState(id, name, version));
    }
}

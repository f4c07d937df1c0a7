package org.clusterbridge.mou.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.mongodb.MongoOutbox;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.rules.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The {@code agreements} collection: one document per agreement holding its whole state, its {@code version}
 * and its pending events. Every write is one single-document write; updates are filtered by version so that a
 * concurrent writer makes them miss instead of overwriting. A reference taken by another agreement is a
 * {@code duplicate-reference} conflict.
 */
@ApplicationScoped
public class AgreementStore {

    public static final String COLLECTION = "agreements";

    private final MongoCollection<Document> agreements;
    private final MongoOutbox outbox;
    private final AgreementDocuments documents;

    AgreementStore(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            MongoOutbox outbox, ObjectMapper mapper) {
        this.agreements = mongo.getDatabase(database).getCollection(COLLECTION);
        this.outbox = outbox;
        this.documents = new AgreementDocuments(mapper);
    }

    void createIndexes() {
        agreements.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true).name("reference"));
        agreements.createIndex(Indexes.compoundIndex(Indexes.ascending(AgreementDocuments.SIGNERS),
                Indexes.descending("signedOn")), new IndexOptions().name("signers_signedOn"));
        agreements.createIndex(Indexes.ascending("focusAreas"), new IndexOptions().name("focusAreas"));
        agreements.createIndex(Indexes.descending("signedOn"), new IndexOptions().name("signedOn"));
        agreements.createIndex(Indexes.ascending("expiresOn"), new IndexOptions().name("expiresOn"));
        agreements.createIndex(Indexes.ascending("effectiveFrom"), new IndexOptions().name("effectiveFrom"));
        agreements.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
        agreements.createIndex(Indexes.ascending(AgreementFilters.UPDATED_AT), new IndexOptions().name("updatedAt"));
    }

    /** Inserts a new agreement with its first event. */
    public void insert(Agreement agreement, CloudEvent event) {
        Document document = documents.document(agreement);
        document.put(MongoOutbox.FIELD, outbox.pending(EventTopics.AGREEMENT_EVENTS, event));
        try {
            agreements.insertOne(document);
        } catch (MongoWriteException e) {
            throw refusal(e, agreement);
        }
        outbox.committed();
    }

    /**
     * Replaces version {@code expected} of the agreement by {@code changed} and appends its event, in one
     * single-document update; false when the agreement is no longer at that version.
     */
    public boolean replace(long expected, Agreement changed, CloudEvent event) {
        return replace(expected, changed, event, List.of());
    }

    /**
     * {@link #replace} only while the recorded status is not yet the restated one, so that of several instances
     * restating the same agreement at once exactly one records (and emits) the change.
     */
    public boolean restate(long expected, Agreement restated, CloudEvent event) {
        return replace(expected, restated, event, List.of(ne("status", restated.status().name())));
    }

    public Optional<Agreement> find(UUID id) {
        return Optional.ofNullable(agreements.find(eq("_id", id.toString())).first()).map(documents::agreement);
    }

    /** One page of the selection, latest signed first. */
    public List<Agreement> find(AgreementSelection selection, int skip, int limit) {
        List<Agreement> found = new ArrayList<>();
        agreements.find(AgreementFilters.of(selection)).projection(Projections.exclude(MongoOutbox.FIELD))
                .sort(Sorts.orderBy(Sorts.descending("signedOn"), Sorts.ascending("reference")))
                .skip(skip).limit(limit).forEach(d -> found.add(documents.agreement(d)));
        return found;
    }

    public long count(AgreementSelection selection) {
        return agreements.countDocuments(AgreementFilters.of(selection));
    }

    /** Every agreement of the selection, in signing order; for the network, which is not paged. */
    public List<Agreement> findAll(AgreementSelection selection) {
        List<Agreement> found = new ArrayList<>();
        agreements.find(AgreementFilters.of(selection)).projection(Projections.exclude(MongoOutbox.FIELD, "purpose",
                "signatories", "sources", "notes", "signingCeremony")).sort(Sorts.ascending("signedOn"))
                .forEach(d -> found.add(documents.agreement(d)));
        return found;
    }

    /** Agreements whose recorded status a date passing on {@code day} changed (see {@link Agreement#statusOn}). */
    public List<Agreement> findDueForRestatement(LocalDate day, int limit) {
        List<Agreement> found = new ArrayList<>();
        agreements.find(AgreementFilters.dueForRestatement(day)).projection(Projections.exclude(MongoOutbox.FIELD))
                .limit(limit).forEach(doc -> found.add(documents.agreement(doc)));
        return found;
    }

    private boolean replace(long expected, Agreement changed, CloudEvent event, List<Bson> extra) {
        Document document = documents.document(changed);
        document.remove("_id");
        List<Bson> updates = new ArrayList<>();
        document.forEach((field, value) -> updates.add(Updates.set(field, value)));
        updates.add(outbox.push(EventTopics.AGREEMENT_EVENTS, event));
        List<Bson> filter = new ArrayList<>(List.of(eq("_id", changed.id().toString()), eq("version", expected)));
        filter.addAll(extra);
        boolean matched;
        try {
            matched = agreements.updateOne(and(filter), Updates.combine(updates)).getMatchedCount() == 1;
        } catch (MongoWriteException e) {
            throw refusal(e, changed);
        }
        if (matched) {
            outbox.committed();
        }
        return matched;
    }

    /** The unique index on {@code reference} refused the write: another agreement has that reference. */
    private static RuntimeException refusal(MongoWriteException e, Agreement agreement) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
            return e;
        }
        return DomainException.conflict("duplicate-reference",
                "an agreement with reference " + agreement.reference() + " already exists", "reference");
    }
}

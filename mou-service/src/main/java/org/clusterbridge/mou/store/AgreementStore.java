package org.clusterbridge.mou.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

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
import com.mongodb.client.FindIterable;
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
    /** The order of every list: latest signed first, then by reference (unique), so that it is total. */
    private static final Bson LIST_ORDER = Sorts.orderBy(Sorts.descending("signedOn"), Sorts.ascending("reference"));
    /** The multilingual texts of an agreement. */
    private static final List<String> TEXTS = List.of("title", "purpose");
    private static final int SCAN_BATCH = 1_000;

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
        // The list's whole order, so that a page or an export of any size is read in index order, not sorted.
        agreements.createIndex(Indexes.compoundIndex(Indexes.descending("signedOn"), Indexes.ascending("reference")),
                new IndexOptions().name("signedOn_reference"));
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

    /** One page of the selection, in the list's order: latest signed first, then by reference. */
    public List<Agreement> find(AgreementSelection selection, int skip, int limit) {
        List<Agreement> found = new ArrayList<>();
        listed(selection).skip(skip).limit(limit).forEach(d -> found.add(documents.agreement(d)));
        return found;
    }

    /**
     * Every agreement of the selection in the list's order, read through one cursor {@code batch} documents at a
     * time: only the current batch is held, whatever the size of the selection. The cursor is exhausted (and so
     * closed) when the iteration ends.
     */
    public Iterator<Agreement> stream(AgreementSelection selection, int batch) {
        return listed(selection).batchSize(batch).map(documents::agreement).cursor();
    }

    /** The facet fields of every agreement of the selection, in no particular order, one projected scan. */
    public void scanFacts(AgreementSelection selection, Consumer<AgreementFacts> each) {
        scan(selection, AgreementDocuments.FACTS).forEach(d -> each.accept(documents.facts(d)));
    }

    /** The language tags of the selection's titles and purposes (its multilingual texts), one projected scan. */
    public Set<String> languages(AgreementSelection selection) {
        Set<String> languages = new TreeSet<>();
        scan(selection, TEXTS).forEach(d -> TEXTS.forEach(field -> {
            if (d.get(field) instanceof Map<?, ?> text) {
                text.keySet().forEach(key -> languages.add(key.toString()));
            }
        }));
        return languages;
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

    /** The selection sorted as every list serves it, without the pending events. */
    private FindIterable<Document> listed(AgreementSelection selection) {
        return agreements.find(AgreementFilters.of(selection)).projection(Projections.exclude(MongoOutbox.FIELD))
                .sort(LIST_ORDER);
    }

    /** The selection's documents with only {@code fields}, in no particular order, for counting. */
    private FindIterable<Document> scan(AgreementSelection selection, List<String> fields) {
        return agreements.find(AgreementFilters.of(selection)).projection(Projections.include(fields))
                .batchSize(SCAN_BATCH);
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

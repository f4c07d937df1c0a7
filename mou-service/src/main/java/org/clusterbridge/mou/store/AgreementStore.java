package org.clusterbridge.mou.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
import org.clusterbridge.events.mongodb.ByIds;
import org.clusterbridge.events.mongodb.MongoOutbox;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementOutline;
import org.clusterbridge.rules.DomainException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * The {@code agreements} collection: one document per agreement holding its whole state, its {@code version}
 * and its pending events. Every change is one single-document write; updates are filtered by version so that a
 * concurrent writer makes them miss instead of overwriting. A reference taken by another agreement is a
 * {@code duplicate-reference} conflict.
 *
 * <p>Around that write it keeps two read models, so that a cluster's list and the network read a few documents by
 * {@code _id} instead of filtering the whole collection (which a MongoDB-wire server without secondary indexes
 * scans): {@link ClusterAgreements}, written ahead and checked against the agreements when read, and
 * {@link AgreementNetwork}, whose outlines name the version they are from. The agreement's document stays the
 * only source of truth; a crash between the writes leaves the read models ahead, never wrong.
 */
@ApplicationScoped
public class AgreementStore {

    public static final String COLLECTION = "agreements";
    /** The order of every list: latest signed first, then by reference (unique), so that it is total. */
    static final Bson LIST_ORDER = Sorts.orderBy(Sorts.descending("signedOn"), Sorts.ascending("reference"));
    /** {@link #LIST_ORDER}, for lists ordered here rather than by the server. */
    static final Comparator<AgreementFacts> IN_LIST_ORDER = Comparator
            .comparing(AgreementFacts::signedOn, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(AgreementFacts::reference, Comparator.nullsLast(Comparator.naturalOrder()));
    /** The fields the network does not draw, left out when it reads agreements. */
    private static final Bson NETWORK_FIELDS = Projections.exclude(MongoOutbox.FIELD, "purpose", "signatories",
            "sources", "notes", "signingCeremony");
    /** The indexes every query of the register relies on (StoreIndexes creates them; IndexCoverageTest checks). */
    static final List<IndexModel> INDEXES = List.of(
            new IndexModel(Indexes.ascending("reference"), new IndexOptions().unique(true).name("reference")),
            new IndexModel(Indexes.compoundIndex(Indexes.ascending(AgreementDocuments.SIGNERS),
                    Indexes.descending("signedOn")), new IndexOptions().name("signers_signedOn")),
            new IndexModel(Indexes.ascending("focusAreas"), new IndexOptions().name("focusAreas")),
            // The list's whole order, so that a page or an export of any size is read in index order, not sorted.
            new IndexModel(Indexes.compoundIndex(Indexes.descending("signedOn"), Indexes.ascending("reference")),
                    new IndexOptions().name("signedOn_reference")),
            new IndexModel(Indexes.ascending("expiresOn"), new IndexOptions().name("expiresOn")),
            new IndexModel(Indexes.ascending("effectiveFrom"), new IndexOptions().name("effectiveFrom")),
            new IndexModel(Indexes.ascending("status"), new IndexOptions().name("status")),
            new IndexModel(Indexes.ascending(AgreementFilters.UPDATED_AT), new IndexOptions().name("updatedAt")));
    /** The multilingual texts of an agreement. */
    private static final List<String> TEXTS = List.of("title", "purpose");
    private static final int SCAN_BATCH = 1_000;
    /**
     * Outlines a rebuild writes to the network's buckets at a time: each write rewrites a bucket document, so few
     * large ones beat many small ones (about 650 bytes an outline held in memory).
     */
    private static final int NETWORK_BATCH = 20_000;

    private final MongoCollection<Document> agreements;
    private final MongoOutbox outbox;
    private final AgreementDocuments documents;
    private final ClusterAgreements clusterAgreements;
    private final AgreementNetwork network;

    AgreementStore(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            MongoOutbox outbox, ObjectMapper mapper) {
        this.agreements = mongo.getDatabase(database).getCollection(COLLECTION);
        this.outbox = outbox;
        this.documents = new AgreementDocuments(mapper);
        this.clusterAgreements = new ClusterAgreements(
                mongo.getDatabase(database).getCollection(ClusterAgreements.COLLECTION));
        this.network = new AgreementNetwork(mongo.getDatabase(database).getCollection(AgreementNetwork.COLLECTION));
    }

    void createIndexes() {
        agreements.createIndexes(INDEXES);
    }

    /** Inserts a new agreement with its first event. */
    public void insert(Agreement agreement, CloudEvent event) {
        Document document = documents.document(agreement);
        document.put(MongoOutbox.FIELD, outbox.pending(EventTopics.AGREEMENT_EVENTS, event));
        String id = agreement.id().toString();
        clusterAgreements.signing(id, agreement.version(), agreement.signers());
        network.intend(id, agreement.version());
        try {
            agreements.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                // Refused for certain, and the id is new: nobody else has entries for it.
                clusterAgreements.left(id, agreement.version(), agreement.signers());
                network.withdraw(id);
            }
            throw refusal(e, agreement);
        }
        network.commit(AgreementOutline.of(agreement));
        outbox.committed(id);
    }

    /**
     * Replaces {@code current} (the version read) by {@code changed} and appends its event, in one single-document
     * update; false when the agreement is no longer at that version.
     */
    public boolean replace(Agreement current, Agreement changed, CloudEvent event) {
        return replace(current, changed, event, List.of());
    }

    /**
     * {@link #replace} only while the recorded status is not yet the restated one, so that of several instances
     * restating the same agreement at once exactly one records (and emits) the change.
     */
    public boolean restate(Agreement current, Agreement restated, CloudEvent event) {
        return replace(current, restated, event, List.of(ne("status", restated.status().name())));
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
        scan(selection, TEXTS).forEach(d -> texts(d, languages));
        return languages;
    }

    public long count(AgreementSelection selection) {
        return agreements.countDocuments(AgreementFilters.of(selection));
    }

    /**
     * The facts of every agreement that any of the selection's signers (which it must name) signed and that matches
     * its query, in the list's order; its country is left to the caller, who has the cluster view. The clusters'
     * entries give the candidates and the agreements' own documents, read by {@code _id}, decide.
     */
    public List<AgreementFacts> signedBy(AgreementSelection selection) {
        Set<String> reach = new HashSet<>();
        selection.signers().forEach(id -> reach.add(id.toString()));
        List<AgreementFacts> matches = new ArrayList<>();
        Set<String> candidates = clusterAgreements.candidates(selection.signers());
        if (candidates.isEmpty()) {
            return matches;
        }
        ByIds.find(agreements, candidates, query -> query.projection(Projections.include(AgreementDocuments.FACTS)),
                d -> {
                    AgreementFacts facts = documents.facts(d);
                    if (facts.signers().stream().anyMatch(reach::contains)
                            && AgreementFilters.matches(selection.query(), selection.day(), facts)) {
                        matches.add(facts);
                    }
                });
        matches.sort(IN_LIST_ORDER);
        return matches;
    }

    /** The agreements of {@code ids}, in that order, without their pending events; an unknown id is left out. */
    public List<Agreement> find(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Agreement> found = new HashMap<>();
        ByIds.find(agreements, ids, query -> query.projection(Projections.exclude(MongoOutbox.FIELD)),
                d -> found.put(String.valueOf(d.get("_id")), documents.agreement(d)));
        return ids.stream().map(found::get).filter(a -> a != null).toList();
    }

    /** {@link #find(List)} {@code batch} ids at a time while iterated: only the current batch is held. */
    public Iterator<Agreement> stream(List<String> ids, int batch) {
        return new Iterator<>() {
            private int next;
            private Iterator<Agreement> current = List.<Agreement> of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < ids.size()) {
                    List<String> slice = ids.subList(next, Math.min(ids.size(), next + batch));
                    next += slice.size();
                    current = find(slice).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Agreement next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** The language tags of the titles and purposes of the agreements of {@code ids}, read by {@code _id}. */
    public Set<String> languages(List<String> ids) {
        Set<String> languages = new TreeSet<>();
        ByIds.find(agreements, ids, query -> query.projection(Projections.include(TEXTS)), d -> texts(d, languages));
        return languages;
    }

    /**
     * The outline of every agreement, for the network: read from {@link AgreementNetwork}, except the few whose
     * latest write is uncertain there (in flight, or cut short), which are read from their documents by {@code _id}
     * and repaired.
     */
    public List<AgreementOutline> outlines() {
        AgreementNetwork.Read read = network.read();
        List<AgreementOutline> outlines = new ArrayList<>(read.outlines());
        if (!read.uncertain().isEmpty()) {
            List<AgreementOutline> current = new ArrayList<>();
            ByIds.find(agreements, read.uncertain(), query -> query.projection(NETWORK_FIELDS),
                    d -> current.add(AgreementOutline.of(documents.agreement(d))));
            // $max keeps whichever is newer: an outline written meanwhile by a later write stays.
            network.commitAll(current);
            outlines.addAll(current);
        }
        return outlines;
    }

    /**
     * Writes both read models from every stored agreement, for a store whose agreements were recorded before they
     * existed. Safe while agreements are written: every entry is a {@code $max} of the version read, which a write
     * in flight outdoes.
     */
    public int rebuildReadModels() {
        Map<String, Map<String, Long>> byCluster = new HashMap<>();
        List<AgreementOutline> outlines = new ArrayList<>();
        int count = 0;
        for (Document d : agreements.find().projection(NETWORK_FIELDS).batchSize(SCAN_BATCH)) {
            Agreement agreement = documents.agreement(d);
            for (UUID signer : agreement.signers()) {
                byCluster.computeIfAbsent(signer.toString(), k -> new HashMap<>()).put(agreement.id().toString(),
                        2 * agreement.version());
            }
            outlines.add(AgreementOutline.of(agreement));
            count++;
            if (outlines.size() == NETWORK_BATCH) {
                network.commitAll(outlines);
                outlines.clear();
            }
        }
        network.commitAll(outlines);
        clusterAgreements.markAll(byCluster);
        return count;
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

    private boolean replace(Agreement current, Agreement changed, CloudEvent event, List<Bson> extra) {
        Document document = documents.document(changed);
        document.remove("_id");
        List<Bson> updates = new ArrayList<>();
        document.forEach((field, value) -> updates.add(Updates.set(field, value)));
        updates.add(outbox.push(EventTopics.AGREEMENT_EVENTS, event));
        String id = changed.id().toString();
        List<Bson> filter = new ArrayList<>(List.of(eq("_id", id), eq("version", current.version())));
        filter.addAll(extra);
        clusterAgreements.signing(id, changed.version(), changed.signers());
        network.intend(id, changed.version());
        boolean matched;
        try {
            matched = agreements.updateOne(and(filter), Updates.combine(updates)).getMatchedCount() == 1;
        } catch (MongoWriteException e) {
            throw refusal(e, changed);
        }
        if (matched) {
            Set<UUID> former = new HashSet<>(current.signers());
            former.removeAll(changed.signers());
            clusterAgreements.left(id, changed.version(), former);
            network.commit(AgreementOutline.of(changed));
            outbox.committed(id);
        }
        return matched;
    }

    private static void texts(Document document, Set<String> languages) {
        TEXTS.forEach(field -> {
            if (document.get(field) instanceof Map<?, ?> text) {
                text.keySet().forEach(key -> languages.add(key.toString()));
            }
        });
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

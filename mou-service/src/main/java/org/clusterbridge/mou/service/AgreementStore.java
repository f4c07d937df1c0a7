package org.clusterbridge.mou.service;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
import org.clusterbridge.mou.domain.AgreementStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.DeserializationFeature;
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
 * concurrent writer makes them miss instead of overwriting. Dates are stored as ISO strings, which sort and
 * compare in date order on every MongoDB-wire server.
 */
@ApplicationScoped
public class AgreementStore {

    public static final String COLLECTION = "agreements";
    /** The parties and co-signers of an agreement: the field every per-cluster query uses. */
    static final String SIGNERS = "signers";

    private final MongoCollection<Document> agreements;
    private final MongoOutbox outbox;
    private final ObjectMapper mapper;
    private final ObjectMapper reader;

    AgreementStore(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            MongoOutbox outbox, ObjectMapper mapper) {
        this.agreements = mongo.getDatabase(database).getCollection(COLLECTION);
        this.outbox = outbox;
        this.mapper = mapper;
        this.reader = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public void createIndexes() {
        agreements.createIndex(Indexes.ascending("reference"), new IndexOptions().unique(true).name("reference"));
        agreements.createIndex(Indexes.compoundIndex(Indexes.ascending(SIGNERS), Indexes.descending("signedOn")),
                new IndexOptions().name("signers_signedOn"));
        agreements.createIndex(Indexes.ascending("focusAreas"), new IndexOptions().name("focusAreas"));
        agreements.createIndex(Indexes.descending("signedOn"), new IndexOptions().name("signedOn"));
        agreements.createIndex(Indexes.ascending("expiresOn"), new IndexOptions().name("expiresOn"));
        agreements.createIndex(Indexes.ascending("effectiveFrom"), new IndexOptions().name("effectiveFrom"));
        agreements.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
    }

    /** Inserts a new agreement with its first event; false when its reference is taken. */
    public boolean insert(Agreement agreement, CloudEvent event) {
        Document document = document(agreement);
        document.put(MongoOutbox.FIELD, outbox.pending(EventTopics.AGREEMENT_EVENTS, event));
        try {
            agreements.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        outbox.committed();
        return true;
    }

    /**
     * Replaces version {@code expected} of the agreement by {@code changed} and appends its event, in one
     * single-document update; false when the agreement is no longer at that version. {@code extra} narrows the
     * filter further (for example: only while not yet expired).
     */
    public boolean replace(long expected, Agreement changed, CloudEvent event, Bson... extra) {
        Document document = document(changed);
        document.remove("_id");
        List<Bson> updates = new ArrayList<>();
        document.forEach((field, value) -> updates.add(Updates.set(field, value)));
        updates.add(outbox.push(EventTopics.AGREEMENT_EVENTS, event));
        List<Bson> filter = new ArrayList<>(List.of(eq("_id", changed.id().toString()), eq("version", expected)));
        filter.addAll(List.of(extra));
        boolean matched = agreements.updateOne(and(filter), Updates.combine(updates)).getMatchedCount() == 1;
        if (matched) {
            outbox.committed();
        }
        return matched;
    }

    public Optional<Agreement> find(UUID id) {
        return Optional.ofNullable(agreements.find(eq("_id", id.toString())).first()).map(this::agreement);
    }

    public List<Agreement> find(Bson filter, int skip, int limit) {
        List<Agreement> found = new ArrayList<>();
        agreements.find(filter).projection(Projections.exclude(MongoOutbox.FIELD))
                .sort(Sorts.orderBy(Sorts.descending("signedOn"), Sorts.ascending("reference")))
                .skip(skip).limit(limit).forEach(d -> found.add(agreement(d)));
        return found;
    }

    public long count(Bson filter) {
        return agreements.countDocuments(filter);
    }

    /** Every agreement matching {@code filter}, in signing order; for the network, which is not paged. */
    public List<Agreement> findAll(Bson filter) {
        List<Agreement> found = new ArrayList<>();
        agreements.find(filter).projection(Projections.exclude(MongoOutbox.FIELD, "purpose", "signatories",
                "sources", "notes", "signingCeremony")).sort(Sorts.ascending("signedOn"))
                .forEach(d -> found.add(agreement(d)));
        return found;
    }

    /**
     * Agreements whose recorded status differs from the one they have on {@code day} because a date passed:
     * not terminated, and either recorded before they became effective or before they expired.
     */
    public List<Agreement> findDueForRestatement(LocalDate day, int limit) {
        String d = day.toString();
        Bson becameEffective = and(eq("status", AgreementStatus.SIGNED.name()), lte("effectiveFrom", d));
        Bson expired = and(in("status", AgreementStatus.SIGNED.name(), AgreementStatus.ACTIVE.name()),
                lte("expiresOn", d));
        List<Agreement> found = new ArrayList<>();
        agreements.find(or(becameEffective, expired)).projection(Projections.exclude(MongoOutbox.FIELD))
                .limit(limit).forEach(doc -> found.add(agreement(doc)));
        return found;
    }

    /** The filter for the query's dates, status and focus area on {@code day}, and for {@code signers} when given
     * (the country is resolved to cluster ids by the caller). */
    public static Bson filter(AgreementQuery q, Collection<UUID> signers, LocalDate day) {
        List<Bson> filters = new ArrayList<>();
        if (signers != null) {
            filters.add(signedByAny(signers));
        }
        if (q.status() != null) {
            filters.add(status(q.status(), day));
        }
        if (q.focusArea() != null) {
            filters.add(eq("focusAreas", q.focusArea()));
        }
        if (q.signedFrom() != null) {
            filters.add(gte("signedOn", q.signedFrom().toString()));
        }
        if (q.signedTo() != null) {
            filters.add(lte("signedOn", q.signedTo().toString()));
        }
        if (q.expiringWithinDays() != null) {
            filters.add(ne("status", AgreementStatus.TERMINATED.name()));
            filters.add(gt("expiresOn", day.toString()));
            filters.add(lte("expiresOn", day.plusDays(q.expiringWithinDays()).toString()));
        }
        return filters.isEmpty() ? new Document() : and(filters);
    }

    /** Agreements that any of the clusters signed, as a party or co-signer. */
    public static Bson signedByAny(Collection<UUID> clusterIds) {
        return in(SIGNERS, clusterIds.stream().map(UUID::toString).distinct().toList());
    }

    /**
     * The status on {@code day} as a condition on the dates (see {@link Agreement#statusOn}), so that the filter
     * is exact even where the recorded status has not yet been brought up to date. Terminations take effect on
     * a date that is never in the future, so the recorded TERMINATED is exact.
     */
    static Bson status(AgreementStatus status, LocalDate day) {
        String d = day.toString();
        Bson terminated = eq("status", AgreementStatus.TERMINATED.name());
        Bson notTerminated = ne("status", AgreementStatus.TERMINATED.name());
        return switch (status) {
            case TERMINATED -> terminated;
            case SIGNED -> and(notTerminated, gt("effectiveFrom", d));
            case EXPIRED -> and(notTerminated, lte("expiresOn", d));
            case ACTIVE -> and(notTerminated, lte("effectiveFrom", d), or(eq("expiresOn", null), gt("expiresOn", d)));
        };
    }

    private Document document(Agreement agreement) {
        Document document = Document.parse(write(agreement));
        document.remove("id");
        Document stored = new Document("_id", agreement.id().toString());
        stored.putAll(document);
        stored.put("version", agreement.version());
        stored.put(SIGNERS, agreement.signers().stream().map(UUID::toString).toList());
        return stored;
    }

    private String write(Agreement agreement) {
        try {
            return mapper.writeValueAsString(agreement);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("agreement " + agreement.id() + " cannot be written", e);
        }
    }

    private Agreement agreement(Document document) {
        Document copy = new Document(document);
        copy.put("id", copy.remove("_id"));
        copy.remove(MongoOutbox.FIELD);
        copy.remove(SIGNERS);
        return reader.convertValue(copy, Agreement.class);
    }
}

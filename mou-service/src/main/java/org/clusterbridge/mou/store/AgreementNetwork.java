package org.clusterbridge.mou.store;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.AgreementOutline;
import org.clusterbridge.mou.domain.Party;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

/**
 * The {@code agreement_network} collection: the outline of every agreement ({@link AgreementOutline}), spread over
 * {@value #BUCKETS} documents by a hash of its id, so that the whole network is read as a few dozen documents by
 * {@code _id} (the index every MongoDB-wire server serves) instead of every agreement in full.
 *
 * <p>Written around the agreement's own single-document write without a transaction: before it, the agreement's
 * intended version goes to {@code intents.<id>}; after it, its outline goes to {@code outlines.<id>}. Both with
 * {@code $max} (an outline is a document whose first field is its version), so the newest version wins whatever
 * order writes arrive in. An agreement whose intent is newer than its outline is uncertain (a write in flight, or
 * one cut short by a crash) and is read from its own document; every other outline is exact.
 *
 * <p>Each of those writes then sets the network's revision (document {@value #REVISION}) to a token never used
 * before. A read gets the revision first, and the buckets only when it differs from that of the last read of this
 * instance, which it keeps: a read after a write has returned sees the write, while reads between writes cost one
 * lookup by {@code _id} instead of the whole network (up to {@value #KEEP_AT_MOST} outlines). A read that finds no
 * revision (the collection new, or emptied) sets one before it reads the buckets.
 */
final class AgreementNetwork {

    static final String COLLECTION = "agreement_network";
    static final int BUCKETS = 64;
    /**
     * Buckets read per query: a reply holds at most this many buckets, an eighth of the network, so that no reply
     * nears the 48 MB a MongoDB-wire reply may hold (one query of all 64 buckets did at 10k x 50k).
     */
    static final int BUCKETS_PER_QUERY = 8;
    static final String OUTLINES = "outlines";
    static final String INTENTS = "intents";
    /** The {@code _id} of the document holding the network's revision ({@code token}); buckets' are numbers. */
    static final String REVISION = "revision";
    private static final String TOKEN = "token";
    /**
     * The most outlines a read keeps for the next: some 2 KB of heap each, so that a network of 10,000 clusters
     * and 50,000 agreements (about 100 MB) is read anew each time rather than held.
     */
    static final int KEEP_AT_MOST = 20_000;
    private static final List<Integer> ALL = IntStream.range(0, BUCKETS).boxed().toList();
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> buckets;
    private volatile Kept kept;

    AgreementNetwork(MongoCollection<Document> buckets) {
        this.buckets = buckets;
    }

    /** What one read found: the exact outlines, and the ids of the agreements to read from their documents. */
    record Read(List<AgreementOutline> outlines, Set<String> uncertain) {

        Read {
            outlines = Collections.unmodifiableList(outlines);
            uncertain = Collections.unmodifiableSet(uncertain);
        }
    }

    /** The last read of the buckets and the revision it is of. */
    private record Kept(String revision, Read read) {
    }

    /** Before version {@code version} of the agreement is written. */
    void intend(String agreementId, long version) {
        reviseIfChanged(buckets.updateOne(eq("_id", bucket(agreementId)),
                Updates.max(INTENTS + "." + agreementId, version), UPSERT));
    }

    /** The agreement was refused before anything of it was stored (a new id): it has nothing to intend. */
    void withdraw(String agreementId) {
        reviseIfChanged(buckets.updateOne(eq("_id", bucket(agreementId)), Updates.unset(INTENTS + "." + agreementId)));
    }

    /** After the agreement's write: its outline at the version written. */
    void commit(AgreementOutline outline) {
        commitAll(List.of(outline));
    }

    /** Outlines of many agreements, one update per bucket (a rebuild, or outlines repaired by a read). */
    void commitAll(List<AgreementOutline> outlines) {
        Map<Integer, List<Bson>> byBucket = new TreeMap<>();
        for (AgreementOutline outline : outlines) {
            String id = outline.id().toString();
            byBucket.computeIfAbsent(bucket(id), b -> new ArrayList<>())
                    .add(Updates.max(OUTLINES + "." + id, document(outline)));
        }
        boolean changed = false;
        for (Map.Entry<Integer, List<Bson>> bucket : byBucket.entrySet()) {
            changed |= changed(buckets.updateOne(eq("_id", bucket.getKey()), Updates.combine(bucket.getValue()),
                    UPSERT));
        }
        if (changed) {
            revise();
        }
    }

    /**
     * After a write of the buckets that changed them: a revision no read has seen. A write that changed nothing (an
     * outline repaired to the version it had, say, for an intent whose write never happened) leaves the revision,
     * so that reads keep the network they have.
     */
    private void reviseIfChanged(UpdateResult result) {
        if (changed(result)) {
            revise();
        }
    }

    private static boolean changed(UpdateResult result) {
        return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
    }

    private void revise() {
        buckets.updateOne(revisionDocument(), Updates.set(TOKEN, UUID.randomUUID().toString()), UPSERT);
    }

    /** The filter of the revision's read and writes. */
    static Bson revisionDocument() {
        return eq("_id", REVISION);
    }

    /**
     * The network as of now: the last read's when the revision is still the one it was of, else every bucket, in
     * {@value #BUCKETS} / {@value #BUCKETS_PER_QUERY} queries by {@code _id}.
     */
    Read read() {
        String revision = revision();
        Kept last = kept;
        if (last != null && last.revision().equals(revision)) {
            return last.read();
        }
        Read read = readBuckets();
        kept = read.outlines().size() <= KEEP_AT_MOST ? new Kept(revision, read) : null;
        return read;
    }

    /** The network's revision; one is set first when there is none (the collection new, or emptied). */
    private String revision() {
        Document revised = buckets.find(revisionDocument()).first();
        if (revised == null || revised.getString(TOKEN) == null) {
            revised = buckets.findOneAndUpdate(revisionDocument(),
                    Updates.setOnInsert(TOKEN, UUID.randomUUID().toString()),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        }
        return revised.getString(TOKEN);
    }

    private Read readBuckets() {
        List<AgreementOutline> outlines = new ArrayList<>();
        Set<String> uncertain = new TreeSet<>();
        for (int first = 0; first < BUCKETS; first += BUCKETS_PER_QUERY) {
            for (Document bucket : buckets.find(bucketsFrom(first))) {
                add(bucket, outlines, uncertain);
            }
        }
        return new Read(outlines, uncertain);
    }

    /** Sorts one bucket's outlines into the exact ones and the uncertain ids. */
    private static void add(Document bucket, List<AgreementOutline> outlines, Set<String> uncertain) {
        Document stored = bucket.get(OUTLINES, new Document());
        Document intents = bucket.get(INTENTS, new Document());
        stored.forEach((id, value) -> {
            Document outline = (Document) value;
            Object intent = intents.get(id);
            if (intent instanceof Number n && n.longValue() > version(outline)) {
                uncertain.add(id);
            } else {
                outlines.add(outline(id, outline));
            }
        });
        intents.keySet().stream().filter(id -> !stored.containsKey(id)).forEach(uncertain::add);
    }

    /** The filter of {@link #read}'s first query; the others differ from it only in the ids they list. */
    static Bson everyBucket() {
        return bucketsFrom(0);
    }

    private static Bson bucketsFrom(int first) {
        return in("_id", ALL.subList(first, Math.min(first + BUCKETS_PER_QUERY, BUCKETS)));
    }

    static int bucket(String agreementId) {
        // String.hashCode is specified by the language, so every instance and version puts an id in one bucket.
        return Math.floorMod(agreementId.hashCode(), BUCKETS);
    }

    /** The stored outline: its version first, which is what {@code $max} compares. */
    private static Document document(AgreementOutline o) {
        List<Document> parties = o.parties().stream().map(p -> new Document("clusterId", p.clusterId().toString())
                .append("coSigners", p.coSigners().stream().map(UUID::toString).toList())).toList();
        return new Document("v", o.version()).append("reference", o.reference()).append("title", o.title())
                .append("kind", o.kind() == null ? null : o.kind().name()).append("parties", parties)
                .append("signedOn", text(o.signedOn())).append("effectiveFrom", text(o.effectiveFrom()))
                .append("expiresOn", text(o.expiresOn())).append("terminatedOn", text(o.terminatedOn()))
                .append("focusAreas", o.focusAreas());
    }

    private static AgreementOutline outline(String id, Document d) {
        List<Party> parties = d.getList("parties", Document.class, List.of()).stream()
                .map(p -> new Party(UUID.fromString(p.getString("clusterId")),
                        p.getList("coSigners", String.class, List.of()).stream().map(UUID::fromString).toList()))
                .toList();
        String kind = d.getString("kind");
        return new AgreementOutline(UUID.fromString(id), version(d), d.getString("reference"),
                d.getString("title"), kind == null ? null : AgreementKind.valueOf(kind), parties,
                date(d.getString("signedOn")), date(d.getString("effectiveFrom")), date(d.getString("expiresOn")),
                date(d.getString("terminatedOn")), d.getList("focusAreas", String.class, List.of()));
    }

    private static long version(Document outline) {
        return ((Number) outline.get("v")).longValue();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}

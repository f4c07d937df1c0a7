package org.clusterbridge.mou.store;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.clusterbridge.events.mongodb.ByIds;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/**
 * The {@code cluster_agreements} collection: per cluster ({@code _id} = its id), the agreements it may have signed
 * as a party or co-signer, so that a cluster's list reads one document and then its agreements by {@code _id}
 * (served by the {@code _id} index on MongoDB and on the MongoDB-wire server alike). It is a superset kept ahead of
 * the agreements: an entry says "signing" before the agreement's write and "left" only after it, and readers keep
 * only agreements whose stored document lists the cluster. So a crash or a lost race between the writes can leave
 * an entry too many, never one too few.
 *
 * <p>Each entry, {@code agreements.<agreementId>}, is a number written with {@code $max}: {@code 2 * version} while
 * the agreement at that version lists the cluster, {@code 2 * version + 1} once that version no longer does. The
 * highest version wins whatever order the writes arrive in, so concurrent writers of one agreement cannot undo each
 * other's entries, and no transaction is needed.
 */
final class ClusterAgreements {

    static final String COLLECTION = "cluster_agreements";
    static final String AGREEMENTS = "agreements";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> entries;

    ClusterAgreements(MongoCollection<Document> entries) {
        this.entries = entries;
    }

    /** Before version {@code version} of the agreement is written: each of {@code clusters} signs it. */
    void signing(String agreementId, long version, Collection<UUID> clusters) {
        mark(agreementId, 2 * version, clusters);
    }

    /** After version {@code version} was written without {@code clusters} among its signers. */
    void left(String agreementId, long version, Collection<UUID> clusters) {
        mark(agreementId, 2 * version + 1, clusters);
    }

    /** Entries of many agreements at once (a rebuild): cluster id to agreement id to the entry's number. */
    void markAll(Map<String, Map<String, Long>> byCluster) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        byCluster.forEach((cluster, agreements) -> {
            List<Bson> updates = new ArrayList<>();
            agreements.forEach((agreement, mark) -> updates.add(Updates.max(AGREEMENTS + "." + agreement, mark)));
            writes.add(new UpdateOneModel<>(eq("_id", cluster), Updates.combine(updates), UPSERT));
        });
        write(writes);
    }

    /** The ids of the agreements any of {@code clusters} may have signed (to be checked against the agreements). */
    Set<String> candidates(Collection<UUID> clusters) {
        Set<String> ids = new LinkedHashSet<>();
        ByIds.find(entries, clusters.stream().map(UUID::toString).toList(),
                query -> query.projection(Projections.include(AGREEMENTS)), d -> {
                    Document agreements = d.get(AGREEMENTS, Document.class);
                    if (agreements != null) {
                        agreements.forEach((id, mark) -> {
                            if (mark instanceof Number n && n.longValue() % 2 == 0) {
                                ids.add(id);
                            }
                        });
                    }
                });
        return ids;
    }

    private void mark(String agreementId, long mark, Collection<UUID> clusters) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (UUID cluster : clusters) {
            writes.add(new UpdateOneModel<>(eq("_id", cluster.toString()),
                    Updates.max(AGREEMENTS + "." + agreementId, mark), UPSERT));
        }
        write(writes);
    }

    private void write(List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            entries.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }
}

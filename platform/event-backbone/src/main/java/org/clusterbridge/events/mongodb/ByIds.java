package org.clusterbridge.events.mongodb;

import static com.mongodb.client.model.Filters.in;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;

/**
 * Reads and deletes by a list of {@code _id}s, {@value #CHUNK} ids a query. Every MongoDB-wire server finds the
 * documents of an {@code $in} on {@code _id} through that index, but some then check each document found against
 * the whole list again (mongo-java-server, the local stack's: a read of 1,500 ids compares 1,500 x 1,500 values);
 * {@value #CHUNK} ids a query bounds that at {@value #CHUNK} per document, and costs MongoDB a few more round trips
 * of the same indexed lookup.
 */
public final class ByIds {

    /** The most ids one query lists. */
    public static final int CHUNK = 100;

    private ByIds() {
    }

    /** The distinct ids in order, in lists of at most {@value #CHUNK}. */
    public static <T> List<List<T>> chunks(Collection<T> ids) {
        List<T> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** The filter of one chunk's query. */
    public static Bson filter(List<?> chunk) {
        return in("_id", chunk);
    }

    /** Every document of {@code ids} the collection holds, given to {@code found} chunk by chunk. */
    public static void find(MongoCollection<Document> collection, Collection<?> ids, Consumer<Document> found) {
        find(collection, ids, UnaryOperator.identity(), found);
    }

    /**
     * Every document of {@code ids} the collection holds, each chunk's query shaped by {@code query} (a projection,
     * say), given to {@code found} chunk by chunk.
     */
    public static void find(MongoCollection<Document> collection, Collection<?> ids,
            UnaryOperator<FindIterable<Document>> query, Consumer<Document> found) {
        for (List<?> chunk : chunks(ids)) {
            query.apply(collection.find(filter(chunk))).forEach(found);
        }
    }

    /** Deletes the documents of {@code ids}, chunk by chunk. */
    public static void delete(MongoCollection<Document> collection, Collection<?> ids) {
        for (List<?> chunk : chunks(ids)) {
            collection.deleteMany(filter(chunk));
        }
    }
}

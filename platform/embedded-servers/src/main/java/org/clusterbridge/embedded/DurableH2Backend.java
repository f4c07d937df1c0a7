package org.clusterbridge.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 MVStore backend of mongo-java-server, made durable: MVStore by itself commits in the background about
 * once a second, so a killed server loses the writes of its last second. Here each write command is also
 * committed and synced to the file before its reply goes out, as MongoDB's journaled write concern does. Its
 * databases keep their documents as BSON and look up their unique indexes without serialising keys
 * ({@link Database}).
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    /**
     * MB of pages H2 keeps read (16 by default): at 50,000 agreements the services' documents are far more, and a
     * page read again is deserialised again.
     */
    private static final int CACHE_MB = 128;

    /** The prefix of a collection's map of documents in H2Database's names. */
    private static final String DOCUMENTS_PREFIX = "databases.";

    DurableH2Backend(Path file) {
        super(new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MB).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new Database(name);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document reply = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
            getMvStore().sync();
        }
        return reply;
    }

    /**
     * A database whose collections' maps are opened with {@link StoredDocuments} as their values' type, and its
     * unique indexes' maps with {@link UniqueIndexKeys} as their keys', before H2Database opens them by name
     * (MVStore hands out the map already open), so that neither goes through Java serialisation. An inner
     * class: H2Database opens the indexes it has in its constructor, and the backend's store is reached through
     * the enclosing instance, which Java sets before that constructor runs.
     */
    final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            getMvStore().openMap(DOCUMENTS_PREFIX + getFullCollectionNamespace(collectionName),
                    new MVMap.Builder<Object, Document>().valueType(new StoredDocuments()));
            return super.openOrCreateCollection(collectionName, options);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                boolean sparse) {
            getMvStore().openMap(getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                    new MVMap.Builder<KeyValue, Object>().keyType(new UniqueIndexKeys()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}

package org.clusterbridge.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** The MongoDB-wire server's file backend: its unique indexes' fast key order, and the file it keeps. */
class DurableH2BackendTest {

    private static final String CHARS = "aZ09-_.é€\u0000\u007f\u0080\u07ff\u0800\ud83d\ude00\uffff";

    @Test
    void singleStringKeysCompareAsTheirSerialisedFormsDo() {
        Random random = new Random(42);
        ObjectDataType h2 = new ObjectDataType();
        UniqueIndexKeys keys = new UniqueIndexKeys();
        List<String> values = new ArrayList<>(List.of("", "a", "b", "ab", "\u0000", "\u007f", "\u0080", "é", "e",
                UUID.randomUUID().toString(), "x".repeat(70_000), "x".repeat(70_001), "y".repeat(69_999)));
        for (int i = 0; i < 400; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                value.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
            values.add(value.toString());
        }
        int compared = 0;
        for (String a : values) {
            for (String b : values) {
                KeyValue first = new KeyValue(a);
                KeyValue second = new KeyValue(b);
                assertThat(Integer.signum(keys.compare(first, second)))
                        .as("%s vs %s", abbreviated(a), abbreviated(b))
                        .isEqualTo(Integer.signum(h2.compare(first, second)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(values.size() * values.size());
    }

    @Test
    void aPageIsSearchedAsH2SearchesIt() {
        Random random = new Random(7);
        ObjectDataType h2 = new ObjectDataType();
        UniqueIndexKeys keys = new UniqueIndexKeys();
        List<KeyValue> page = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            page.add(i % 9 == 0 ? new KeyValue(i) : new KeyValue(UUID.randomUUID().toString().substring(random
                    .nextInt(30))));
        }
        page.sort(h2::compare);
        Object[] storage = page.toArray();
        List<KeyValue> probes = new ArrayList<>(page);
        for (int i = 0; i < 200; i++) {
            probes.add(i % 10 == 0 ? new KeyValue(i) : new KeyValue(UUID.randomUUID().toString().substring(i % 30)));
        }
        for (KeyValue probe : probes) {
            for (int guess : new int[] {0, 1, 17, 48, 60}) {
                assertThat(keys.binarySearch(probe, storage, storage.length, guess)).as("%s from %d", probe, guess)
                        .isEqualTo(h2.binarySearch(probe, storage, storage.length, guess));
            }
        }
    }

    @Test
    void otherKeysTakeH2sOwnComparison() {
        ObjectDataType h2 = new ObjectDataType();
        UniqueIndexKeys keys = new UniqueIndexKeys();
        List<KeyValue> values = List.of(new KeyValue("a", "b"), new KeyValue("a", "c"), new KeyValue(1),
                new KeyValue(2L), new KeyValue(UUID.randomUUID()), new KeyValue("a"), new KeyValue("b", 3));
        for (KeyValue a : values) {
            for (KeyValue b : values) {
                assertThat(Integer.signum(keys.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    @Test
    void aFileOfThePlainBackendIsReadExtendedAndReopened(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("mongo.mv");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ids.add(i % 3 == 0 ? UUID.randomUUID().toString() : "id-" + i + "-" + "é".repeat(i % 7));
        }
        // Written by the plain H2 backend (Java serialisation), as files of the local stack were before.
        try (Served plain = Served.by(new H2Backend(MVStore.open(file.toString())));
                MongoClient client = MongoClients.create(plain.uri())) {
            MongoCollection<Document> collection = client.getDatabase("test").getCollection("items");
            collection.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
            for (int i = 0; i < 1_000; i++) {
                collection.insertOne(item(ids.get(i), i));
            }
        }
        // Read, extended (BSON documents, tagged keys) and checked by the durable backend.
        try (Served durable = Served.by(new DurableH2Backend(file));
                MongoClient client = MongoClients.create(durable.uri())) {
            MongoCollection<Document> collection = client.getDatabase("test").getCollection("items");
            for (int i = 1_000; i < 2_000; i++) {
                collection.insertOne(item(ids.get(i), i));
            }
            collection.updateOne(Filters.eq("_id", ids.get(30)), Updates.set("slug", "renamed"));
            assertThatThrownBy(() -> collection.insertOne(item(ids.get(10), 5_000)))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "fresh").append("slug", "s1500")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            collection.deleteOne(Filters.eq("_id", ids.get(20)));
        }
        // Reopened: the documents and keys of both forms are there, in one order.
        try (Served durable = Served.by(new DurableH2Backend(file));
                MongoClient client = MongoClients.create(durable.uri())) {
            MongoCollection<Document> collection = client.getDatabase("test").getCollection("items");
            assertThat(collection.countDocuments()).isEqualTo(1_999);
            for (int i = 0; i < 2_000; i += 3) {
                Document expected = i == 20 ? null
                        : i == 30 ? item(ids.get(i), i).append("slug", "renamed") : item(ids.get(i), i);
                assertThat(collection.find(Filters.eq("_id", ids.get(i))).first()).as(ids.get(i))
                        .isEqualTo(expected);
            }
            assertThat(collection.find(Filters.eq("slug", "s1999")).first()).isEqualTo(item(ids.get(1_999), 1_999));
            assertThatThrownBy(() -> collection.insertOne(new Document("_id", "other").append("slug", "s42")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            List<String> stored = new ArrayList<>();
            collection.find().sort(Sorts.ascending("_id")).forEach(document -> stored.add(document.getString("_id")));
            List<String> sorted = new ArrayList<>(ids);
            sorted.remove(ids.get(20));
            sorted.sort(null);
            assertThat(stored).isEqualTo(sorted);
        }
    }

    @Test
    void documentsAreStoredAsBsonAndReadBackEqual() {
        StoredDocuments type = new StoredDocuments();
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "mou-1")
                .append("count", 3).append("total", 12_000_000_000L).append("share", 0.25)
                .append("signed", Instant.ofEpochMilli(1_700_000_000_123L)).append("active", true)
                .append("note", null).append("title", "覚書 Medicen × LINK-J")
                .append("parties", List.of("medicen", "link-j"))
                .append("nested", new de.bwaldvogel.mongo.bson.Document("a", List.of(1, 2L, "x")))
                .append("objectId", new de.bwaldvogel.mongo.bson.ObjectId())
                .append("uuid", UUID.randomUUID());
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        type.write(buffer, "a string");
        type.write(buffer, 42L);
        ByteBuffer written = buffer.getBuffer().flip();
        assertThat(written.get(0)).isEqualTo(StoredDocuments.DOCUMENT);
        assertThat(type.read(written)).isEqualTo(document);
        assertThat(type.read(written)).isEqualTo("a string");
        assertThat(type.read(written)).isEqualTo(42L);
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void aDocumentBsonCannotHoldIsSerialisedAsH2Does() {
        StoredDocuments type = new StoredDocuments();
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "x")
                .append("when", new java.util.Date(1_700_000_000_000L));
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        ByteBuffer written = buffer.getBuffer().flip();
        assertThat(written.get(0)).isNotEqualTo(StoredDocuments.DOCUMENT);
        assertThat(new ObjectDataType().read(written.duplicate())).isEqualTo(document);
        assertThat(type.read(written)).isEqualTo(document);
    }

    @Test
    void keysAreWrittenCompactlyAndReadBack() {
        UniqueIndexKeys type = new UniqueIndexKeys();
        List<KeyValue> keys = List.of(new KeyValue("a"), new KeyValue(""), new KeyValue("x".repeat(70_000)),
                new KeyValue(CHARS), new KeyValue("a", "b"), new KeyValue(7), new KeyValue((Object) null));
        WriteBuffer buffer = new WriteBuffer();
        keys.forEach(key -> type.write(buffer, key));
        ByteBuffer written = buffer.getBuffer().flip();
        assertThat(written.get(0)).isEqualTo(UniqueIndexKeys.SINGLE_STRING);
        for (KeyValue key : keys) {
            assertThat(type.read(written)).isEqualTo(key);
        }
        assertThat(written.hasRemaining()).isFalse();
        WriteBuffer old = new WriteBuffer();
        new ObjectDataType().write(old, new KeyValue("a"));
        assertThat(type.read(old.getBuffer().flip())).isEqualTo(new KeyValue("a"));
    }

    private static Document item(String id, int i) {
        return new Document("_id", id).append("slug", "s" + i).append("n", i).append("big", 10_000_000_000L + i)
                .append("at", new java.util.Date(1_700_000_000_000L + i)).append("tags", List.of("t" + i % 5, "all"))
                .append("inner", new Document("share", i / 7.0).append("on", i % 2 == 0));
    }

    @Test
    void theUniqueIndexMapsUseTheFastKeyOrder(@TempDir Path folder) {
        Path file = folder.resolve("mongo.mv");
        DurableH2Backend backend = new DurableH2Backend(file);
        try (Served durable = Served.by(backend); MongoClient client = MongoClients.create(durable.uri())) {
            client.getDatabase("test").getCollection("items").insertOne(new Document("_id", "a"));
            MVStore store = backend.getMvStore();
            assertThat(store.getMapNames()).contains("test.items._index__id_");
            assertThat(store.openMap("test.items._index__id_").getKeyType()).isInstanceOf(UniqueIndexKeys.class);
        }
    }

    @Test
    void theCollectionsStoreTheirDocumentsAsBson(@TempDir Path folder) {
        DurableH2Backend backend = new DurableH2Backend(folder.resolve("mongo.mv"));
        try (Served durable = Served.by(backend); MongoClient client = MongoClients.create(durable.uri())) {
            client.getDatabase("test").getCollection("items").insertOne(new Document("_id", "a"));
            assertThat(backend.getMvStore().openMap("databases.test.items").getValueType())
                    .isInstanceOf(StoredDocuments.class);
        }
    }

    /** A backend served on a free loopback port. */
    private record Served(MongoServer server, int port) implements AutoCloseable {

        static Served by(MongoBackend backend) {
            int port = LoopbackPorts.free();
            MongoServer server = new MongoServer(backend);
            server.bind(LoopbackPorts.HOST, port);
            return new Served(server, port);
        }

        String uri() {
            return "mongodb://" + LoopbackPorts.HOST + ":" + port;
        }

        @Override
        public void close() {
            server.shutdown();
        }
    }

    private static String abbreviated(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "... (" + value.length() + ")" : value;
    }
}

package org.clusterbridge.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Loads mou-service's benchmark data straight into its store: {@code clusters} copies of a seed cluster in the
 * cluster view and {@code agreements} copies of the seed LINK-J–Medicen MOU between random pairs of them. Copies
 * of stored documents keep the loader right whatever fields the documents have. Needs the seed data loaded
 * (start the local stack once). Writes the cluster ids to {@code benchmarks/target/mou-cluster-ids.csv}.
 * <p>
 * One size at a time, so that each size measures its own collection: a load first removes the copies another
 * size left (a marker document in {@code bench_data} says which size the agreements are), and does nothing when
 * the asked size is there already. A view rebuild empties the cluster view, so the cluster copies are checked on
 * their own and put back when missing.
 * <p>
 * {@code ./mvnw -Pbenchmarks -pl benchmarks exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.clusterbridge.benchmarks.MongoBenchData [-Dclusters=10000 -Dagreements=50000]}
 */
public final class MongoBenchData {

    public static void main(String[] args) throws IOException {
        int clusters = Integer.getInteger("clusters", 10_000);
        int agreements = Integer.getInteger("agreements", 50_000);
        String uri = System.getProperty("mongo", "mongodb://127.0.0.1:27017");
        Random random = new Random(42);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase database = client.getDatabase(System.getProperty("database", "mou"));
            MongoCollection<Document> view = database.getCollection("cluster_view");
            MongoCollection<Document> store = database.getCollection("agreements");
            Document clusterTemplate = view.find(new Document("latest.slug", "link-j")).first();
            Document agreementTemplate = store.find(new Document("reference", new Document("$regex", "LINK-J"))).first();
            if (agreementTemplate == null) {
                agreementTemplate = store.find().first();
            }
            if (clusterTemplate == null || agreementTemplate == null) {
                throw new IllegalStateException("load the seed data first (start the local stack once)");
            }
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= clusters; i++) {
                ids.add(clusterId(i));
            }
            MongoCollection<Document> marker = database.getCollection("bench_data");
            Document size = new Document("_id", "mou").append("clusters", clusters).append("agreements", agreements);
            boolean agreementsThere = size.equals(marker.find(Filters.eq("_id", "mou")).first());
            boolean clustersThere = view.find(Filters.eq("_id", clusterId(1))).first() != null
                    && view.find(Filters.eq("_id", clusterId(clusters))).first() != null
                    && view.find(Filters.eq("_id", clusterId(clusters + 1))).first() == null;
            if (!clustersThere || !agreementsThere) {
                long removed = view.deleteMany(Filters.regex("latest.slug", "^bench-mou-cluster-")).getDeletedCount();
                System.out.printf("cluster view: %d earlier copies removed%n", removed);
                insertClusters(view, clusterTemplate, clusters);
            }
            if (!agreementsThere) {
                marker.deleteOne(Filters.eq("_id", "mou"));
                long removed = store.deleteMany(Filters.regex("reference", "^BENCH-")).getDeletedCount();
                System.out.printf("agreements: %d earlier copies removed%n", removed);
                // Written around the service: its read models go too, and run-all.sh asks for their rebuild.
                database.getCollection("agreement_network").drop();
                database.getCollection("cluster_agreements").drop();
                insertAgreements(store, agreementTemplate, ids, agreements, random);
                marker.replaceOne(Filters.eq("_id", "mou"), size, new ReplaceOptions().upsert(true));
            }
            if (clustersThere && agreementsThere) {
                System.out.printf("already loaded: %d clusters, %d agreements%n", clusters, agreements);
            }
            Path csv = Path.of("benchmarks/target/mou-cluster-ids.csv");
            Files.createDirectories(csv.getParent());
            Files.write(csv, concat("id", ids.subList(0, Math.min(2000, ids.size()))));
            System.out.printf("cluster view: %d documents, agreements: %d documents%n", view.countDocuments(),
                    store.countDocuments());
        }
    }

    private static String clusterId(int i) {
        return UUID.nameUUIDFromBytes(("bench-mou-cluster-" + i).getBytes()).toString();
    }

    private static void insertClusters(MongoCollection<Document> view, Document template, int clusters) {
        List<Document> batch = new ArrayList<>();
        for (int i = 1; i <= clusters; i++) {
            // The view's shape (MongoViewGate): the state embedded in latest, its sequence first.
            Document latest = new Document(template.get("latest", Document.class));
            latest.put("slug", "bench-mou-cluster-" + i);
            latest.put("names", new Document("en", "Bench MOU cluster " + i));
            latest.put("country", List.of("FR", "JP", "DE", "IT", "BE").get(i % 5));
            batch.add(new Document("_id", clusterId(i)).append("latest", latest));
            flush(view, batch, 1000);
        }
        flush(view, batch, 0);
    }

    private static void insertAgreements(MongoCollection<Document> store, Document template, List<String> ids,
            int agreements, Random random) {
        List<String> templateParties = new ArrayList<>();
        template.getList("parties", Document.class).forEach(party -> templateParties.add(party.getString("clusterId")));
        List<Document> batch = new ArrayList<>();
        for (int i = 1; i <= agreements; i++) {
            Map<String, String> replace = new HashMap<>();
            String first = ids.get(random.nextInt(ids.size()));
            String second;
            do {
                second = ids.get(random.nextInt(ids.size()));
            } while (second.equals(first));
            replace.put(templateParties.get(0), first);
            replace.put(templateParties.get(1), second);
            Document copy = (Document) replaced(template, replace);
            copy.put("_id", UUID.nameUUIDFromBytes(("bench-agreement-" + i).getBytes()).toString());
            copy.put("reference", "BENCH-" + i);
            copy.put("version", 1L);
            copy.put("outbox", List.of());
            batch.add(copy);
            flush(store, batch, 1000);
        }
        flush(store, batch, 0);
    }

    private static Object replaced(Object value, Map<String, String> replace) {
        if (value instanceof Document document) {
            Document copy = new Document();
            document.forEach((key, item) -> copy.put(key, replaced(item, replace)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> replaced(item, replace)).toList();
        }
        if (value instanceof String text && replace.containsKey(text)) {
            return replace.get(text);
        }
        return value;
    }

    private static void flush(MongoCollection<Document> collection, List<Document> batch, int threshold) {
        if (!batch.isEmpty() && batch.size() >= threshold) {
            collection.insertMany(batch);
            batch.clear();
        }
    }

    private static List<String> concat(String header, List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add(header);
        all.addAll(lines);
        return all;
    }
}

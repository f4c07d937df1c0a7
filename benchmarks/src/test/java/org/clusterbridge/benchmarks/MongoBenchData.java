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

/**
 * Loads mou-service's benchmark data straight into its store: {@code clusters} copies of a seed cluster in the
 * cluster view and {@code agreements} copies of the seed LINK-J–Medicen MOU between random pairs of them. Copies
 * of stored documents keep the loader right whatever fields the documents have. Needs the seed data loaded
 * (start the local stack once). Writes the cluster ids to {@code benchmarks/target/mou-cluster-ids.csv}.
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
            Document clusterTemplate = view.find(new Document("slug", "link-j")).first();
            Document agreementTemplate = store.find(new Document("reference", new Document("$regex", "LINK-J"))).first();
            if (agreementTemplate == null) {
                agreementTemplate = store.find().first();
            }
            if (clusterTemplate == null || agreementTemplate == null) {
                throw new IllegalStateException("load the seed data first (start the local stack once)");
            }
            List<String> ids = new ArrayList<>();
            List<Document> batch = new ArrayList<>();
            for (int i = 1; i <= clusters; i++) {
                String id = UUID.nameUUIDFromBytes(("bench-mou-cluster-" + i).getBytes()).toString();
                ids.add(id);
                Document copy = new Document(clusterTemplate);
                copy.put("_id", id);
                copy.put("slug", "bench-mou-cluster-" + i);
                copy.put("names", new Document("en", "Bench MOU cluster " + i));
                copy.put("country", List.of("FR", "JP", "DE", "IT", "BE").get(i % 5));
                batch.add(copy);
                flush(view, batch, 1000);
            }
            flush(view, batch, 0);
            List<String> templateParties = new ArrayList<>();
            agreementTemplate.getList("parties", Document.class)
                    .forEach(party -> templateParties.add(party.getString("clusterId")));
            for (int i = 1; i <= agreements; i++) {
                Map<String, String> replace = new HashMap<>();
                String first = ids.get(random.nextInt(ids.size()));
                String second;
                do {
                    second = ids.get(random.nextInt(ids.size()));
                } while (second.equals(first));
                replace.put(templateParties.get(0), first);
                replace.put(templateParties.get(1), second);
                Document copy = (Document) replaced(agreementTemplate, replace);
                copy.put("_id", UUID.nameUUIDFromBytes(("bench-agreement-" + i).getBytes()).toString());
                copy.put("reference", "BENCH-" + i);
                copy.put("version", 1L);
                copy.put("outbox", List.of());
                batch.add(copy);
                flush(store, batch, 1000);
            }
            flush(store, batch, 0);
            Path csv = Path.of("benchmarks/target/mou-cluster-ids.csv");
            Files.createDirectories(csv.getParent());
            Files.write(csv, concat("id", ids.subList(0, Math.min(2000, ids.size()))));
            System.out.printf("cluster view: %d documents, agreements: %d documents%n", view.countDocuments(),
                    store.countDocuments());
        }
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

package org.clusterbridge.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the operators' resources in deploy/kubernetes must hold: a Strimzi Kafka in KRaft mode on node pools with
 * three brokers and the three compacted topics at three replicas, two in sync; a CloudNativePG cluster of three
 * instances with the {@code cluster} and {@code funding} databases; a three-member MongoDB Community replica set
 * with a user for mou-service and {@code w=majority}; Keycloak and its realm are {@link KeycloakResourcesCheck}'s.
 * Returns what the services must be told to reach them.
 */
final class OperatorResourcesCheck {

    static final List<String> TOPICS = List.of("cluster-events", "agreement-events", "funding-events");
    static final int REPLICAS = 3;
    static final int IN_SYNC = 2;
    static final Map<String, String> KAFKA_CONFIG = Map.of(
            "default.replication.factor", "3",
            "min.insync.replicas", "2",
            "offsets.topic.replication.factor", "3",
            "transaction.state.log.replication.factor", "3",
            "transaction.state.log.min.isr", "2");
    private static final Pattern CREATE_DATABASE = Pattern.compile(
            "(?i)CREATE\\s+DATABASE\\s+\"?(\\w+)\"?(?:\\s+(?:WITH\\s+)?OWNER\\s*=?\\s*\"?(\\w+)\"?)?");

    /** A service's PostgreSQL database: the primary's address and the Secret of the role that owns it. */
    record Database(String cluster, String jdbcUrl, String secret) {
    }

    /** mou-service's MongoDB: the replica set, the Secret with its user's connection string, and its database. */
    record Mongo(String name, String secret, String database) {
    }

    /** What the services must be told, from the operators' resources; a null where the resources are wrong. */
    record Stores(String kafka, String kafkaBootstrap, Map<String, String> topicSettings,
            Map<String, Database> postgres, Mongo mongo, KeycloakResourcesCheck.Identity identity) {
    }

    private OperatorResourcesCheck() {
    }

    static Stores check(List<String> problems, Manifests manifests, JsonNode realmFile, String kafkaVersion,
            Set<String> postgresDatabases, String mongoDatabase) {
        JsonNode kafka = checkKafka(problems, manifests, kafkaVersion);
        String kafkaName = kafka == null ? null : Manifests.name(kafka);
        String bootstrap = null;
        if (kafka != null) {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                if (listener.path("type").asText().equals("internal") && listener.path("port").asInt() == 9092) {
                    bootstrap = kafkaName + "-kafka-bootstrap:9092";
                }
            }
            if (bootstrap == null) {
                problems.add("Kafka " + kafkaName + ": no internal listener on port 9092");
            }
        }
        Map<String, String> topicSettings = checkTopics(problems, manifests, kafkaName);
        Map<String, Database> postgres = new LinkedHashMap<>();
        Set<String> clusters = new TreeSet<>();
        for (String database : postgresDatabases) {
            Database found = checkDatabase(problems, manifests, database);
            postgres.put(database, found);
            if (found != null) {
                clusters.add(found.cluster());
            }
        }
        for (String cluster : clusters) {
            int instances = manifests.one("Cluster", cluster).path("spec").path("instances").asInt(1);
            if (instances != REPLICAS) {
                problems.add("CloudNativePG Cluster " + cluster + ": instances " + instances + ", expected "
                        + REPLICAS);
            }
        }
        return new Stores(kafkaName, bootstrap, topicSettings, postgres, checkMongo(problems, manifests, mongoDatabase),
                KeycloakResourcesCheck.check(problems, manifests, realmFile));
    }

    private static JsonNode checkKafka(List<String> problems, Manifests manifests, String kafkaVersion) {
        List<JsonNode> kafkas = manifests.all("kafka.strimzi.io/v1beta2", "Kafka");
        if (kafkas.size() != 1) {
            problems.add("expected one Strimzi Kafka (kafka.strimzi.io/v1beta2), found " + kafkas.size());
            if (kafkas.isEmpty()) {
                return null;
            }
        }
        JsonNode kafka = kafkas.get(0);
        String name = Manifests.name(kafka);
        JsonNode spec = kafka.path("spec");
        if (spec.has("zookeeper")) {
            problems.add("Kafka " + name + ": runs on ZooKeeper, not KRaft");
        }
        if (!spec.path("kafka").path("version").asText().equals(kafkaVersion)) {
            problems.add("Kafka " + name + ": version " + spec.path("kafka").path("version").asText()
                    + ", expected " + kafkaVersion + ", the version of the services' clients");
        }
        KAFKA_CONFIG.forEach((key, expected) -> {
            String actual = spec.path("kafka").path("config").path(key).asText();
            if (!actual.equals(expected)) {
                problems.add("Kafka " + name + ": " + key + " is '" + actual + "', expected " + expected);
            }
        });
        if (!spec.path("entityOperator").has("topicOperator")) {
            problems.add("Kafka " + name + ": no Topic Operator to make the KafkaTopics");
        }
        int brokers = 0;
        int controllers = 0;
        for (JsonNode pool : manifests.all("kafka.strimzi.io/v1beta2", "KafkaNodePool")) {
            if (pool.path("metadata").path("labels").path("strimzi.io/cluster").asText().equals(name)) {
                String roles = pool.path("spec").path("roles").toString();
                int replicas = pool.path("spec").path("replicas").asInt();
                brokers += roles.contains("\"broker\"") ? replicas : 0;
                controllers += roles.contains("\"controller\"") ? replicas : 0;
            }
        }
        if (brokers != REPLICAS) {
            problems.add("Kafka " + name + ": its KafkaNodePools have " + brokers + " brokers, expected " + REPLICAS);
        }
        if (controllers < 3 || controllers % 2 == 0) {
            problems.add("Kafka " + name + ": its KafkaNodePools have " + controllers
                    + " KRaft controllers, expected an odd number, at least 3");
        }
        return kafka;
    }

    /** Checks the three topics; returns the settings the services must create them with. */
    private static Map<String, String> checkTopics(List<String> problems, Manifests manifests, String kafka) {
        Set<String> partitions = new TreeSet<>();
        for (String topic : TOPICS) {
            JsonNode resource = manifests.first("KafkaTopic", candidate -> topic.equals(
                    candidate.path("spec").path("topicName").asText(Manifests.name(candidate))));
            if (resource.isMissingNode() || !resource.path("apiVersion").asText().equals("kafka.strimzi.io/v1beta2")) {
                problems.add("no KafkaTopic (kafka.strimzi.io/v1beta2) for " + topic);
                continue;
            }
            JsonNode spec = resource.path("spec");
            String cluster = resource.path("metadata").path("labels").path("strimzi.io/cluster").asText();
            if (kafka != null && !cluster.equals(kafka)) {
                problems.add("KafkaTopic " + topic + ": labelled strimzi.io/cluster=" + cluster + ", not " + kafka);
            }
            if (spec.path("replicas").asInt() != REPLICAS) {
                problems.add("KafkaTopic " + topic + ": replicas " + spec.path("replicas").asInt() + ", expected "
                        + REPLICAS);
            }
            String cleanup = spec.path("config").path("cleanup.policy").asText();
            if (!cleanup.equals("compact")) {
                problems.add("KafkaTopic " + topic + ": cleanup.policy is '" + cleanup + "', expected compact");
            }
            String inSync = spec.path("config").path("min.insync.replicas").asText();
            if (!inSync.equals(String.valueOf(IN_SYNC))) {
                problems.add("KafkaTopic " + topic + ": min.insync.replicas is '" + inSync + "', expected " + IN_SYNC);
            }
            if (spec.path("partitions").asInt() < 1) {
                problems.add("KafkaTopic " + topic + ": no partitions");
            } else {
                partitions.add(spec.path("partitions").asText());
            }
        }
        if (partitions.size() > 1) {
            problems.add("the KafkaTopics have different partitions: " + partitions);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("CLUSTERBRIDGE_EVENTS_PARTITIONS", partitions.size() == 1 ? partitions.iterator().next() : null);
        settings.put("CLUSTERBRIDGE_EVENTS_REPLICATION_FACTOR", String.valueOf(REPLICAS));
        settings.put("CLUSTERBRIDGE_EVENTS_MIN_INSYNC_REPLICAS", String.valueOf(IN_SYNC));
        return settings;
    }

    /** The CloudNativePG cluster that holds {@code database}, by bootstrap, postInitSQL or a Database resource. */
    private static Database checkDatabase(List<String> problems, Manifests manifests, String database) {
        for (JsonNode cluster : manifests.all("postgresql.cnpg.io/v1", "Cluster")) {
            String name = Manifests.name(cluster);
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            String bootstrapOwner = initdb.path("owner").asText(initdb.path("database").asText("app"));
            String owner = null;
            if (initdb.path("database").asText("app").equals(database)) {
                owner = bootstrapOwner;
            }
            for (JsonNode sql : initdb.path("postInitSQL")) {
                Matcher create = CREATE_DATABASE.matcher(sql.asText());
                while (create.find()) {
                    if (create.group(1).equals(database)) {
                        owner = create.group(2) == null ? "postgres" : create.group(2);
                    }
                }
            }
            for (JsonNode resource : manifests.all("postgresql.cnpg.io/v1", "Database")) {
                JsonNode spec = resource.path("spec");
                if (spec.path("cluster").path("name").asText().equals(name)
                        && spec.path("name").asText().equals(database)) {
                    owner = spec.path("owner").asText();
                }
            }
            if (owner == null) {
                continue;
            }
            String secret = null;
            if (owner.equals(bootstrapOwner)) {
                secret = initdb.path("secret").path("name").asText(name + "-app");
            }
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                if (role.path("name").asText().equals(owner) && role.path("passwordSecret").has("name")) {
                    secret = role.path("passwordSecret").path("name").asText();
                }
            }
            if (secret == null) {
                problems.add("CloudNativePG Cluster " + name + ": the owner of " + database + ", " + owner
                        + ", is neither the bootstrap owner nor a managed role with a passwordSecret");
            }
            return new Database(name, "jdbc:postgresql://" + name + "-rw:5432/" + database, secret);
        }
        problems.add("no CloudNativePG database '" + database
                + "' (bootstrap.initdb, postInitSQL or a Database resource of a postgresql.cnpg.io/v1 Cluster)");
        return null;
    }

    private static Mongo checkMongo(List<String> problems, Manifests manifests, String database) {
        for (JsonNode replicaSet : manifests.all("mongodbcommunity.mongodb.com/v1", "MongoDBCommunity")) {
            String name = Manifests.name(replicaSet);
            JsonNode spec = replicaSet.path("spec");
            for (JsonNode user : spec.path("users")) {
                boolean writes = false;
                for (JsonNode role : user.path("roles")) {
                    writes |= role.path("db").asText().equals(database)
                            && Set.of("readWrite", "dbOwner").contains(role.path("name").asText());
                }
                if (!writes) {
                    continue;
                }
                if (spec.path("members").asInt() != REPLICAS || !spec.path("type").asText().equals("ReplicaSet")) {
                    problems.add("MongoDBCommunity " + name + ": a " + spec.path("type").asText() + " of "
                            + spec.path("members").asInt() + " members, expected a ReplicaSet of " + REPLICAS);
                }
                String w = user.path("additionalConnectionStringConfig").path("w")
                        .asText(spec.path("additionalConnectionStringConfig").path("w").asText());
                if (!w.equals("majority")) {
                    problems.add("MongoDBCommunity " + name + ": the connection strings say w='" + w
                            + "', expected majority (additionalConnectionStringConfig)");
                }
                if (!user.path("passwordSecretRef").has("name")) {
                    problems.add("MongoDBCommunity " + name + ": user " + user.path("name").asText()
                            + " has no passwordSecretRef");
                }
                String secret = user.path("connectionStringSecretName").asText(
                        name + "-" + user.path("db").asText("admin") + "-" + user.path("name").asText());
                return new Mongo(name, secret, database);
            }
        }
        problems.add("no MongoDBCommunity (mongodbcommunity.mongodb.com/v1) with a user that may write " + database);
        return null;
    }
}

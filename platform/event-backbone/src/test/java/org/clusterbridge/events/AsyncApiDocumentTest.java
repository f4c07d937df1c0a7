package org.clusterbridge.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.clusterbridge.testing.EventSchemas;
import org.clusterbridge.testing.RepositoryFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * contracts/asyncapi/clusterbridge.yaml describes the three topics with the schemas the producers validate their
 * events against (contracts/events): every event type with a schema is a message of its aggregate's channel and of
 * no other, every message is keyed by the aggregate id and carries the CloudEvents structured-mode content type,
 * and every $ref, in the document and in the schemas it reaches, resolves.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = RepositoryFiles.resolve("contracts/asyncapi/clusterbridge.yaml");
    /** The topic of each aggregate whose events the services publish. */
    private static final Map<String, String> TOPICS = Map.of("cluster", EventTopics.CLUSTER_EVENTS, "agreement",
            EventTopics.AGREEMENT_EVENTS, "funding-figure", EventTopics.FUNDING_EVENTS);
    /** The event backbone's own test aggregate has a schema for the backbone's tests but no topic of the system. */
    private static final Set<String> NOT_PUBLISHED = Set.of("sample");

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        document = new ObjectMapper(new YAMLFactory()).readTree(DOCUMENT.toFile());
    }

    @Test
    void itIsAnAsyncApi3DocumentOfTheThreeTopics() {
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(document.path("info").path("title").asText()).isNotBlank();
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(document.path("defaultContentType").asText()).isEqualTo(CloudEvent.CONTENT_TYPE);
        assertThat(channelsByAddress().keySet()).containsExactlyInAnyOrderElementsOf(TOPICS.values());
    }

    @Test
    void eachChannelCarriesExactlyTheEventTypesOfItsAggregateThatHaveASchema() throws IOException {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String type : schemaTypes()) {
            String aggregate = type.split("\\.")[1];
            if (NOT_PUBLISHED.contains(aggregate)) {
                continue;
            }
            assertThat(TOPICS).as("topic of %s's aggregate", type).containsKey(aggregate);
            expected.computeIfAbsent(TOPICS.get(aggregate), topic -> new TreeSet<>()).add(type);
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        channelsByAddress().forEach((address, channel) -> documented.put(address,
                stream(channel.path("messages")).map(message -> resolve(message).path("name").asText())
                        .collect(Collectors.toCollection(TreeSet::new))));
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void eachMessageIsItsTypesSchemaKeyedByTheAggregateIdInStructuredMode() throws IOException {
        for (Map.Entry<String, JsonNode> entry : fields(document.path("components").path("messages"))) {
            JsonNode message = withTraits(entry.getValue());
            String type = message.path("name").asText();
            assertThat(message.path("contentType").asText()).as("content type of %s", type)
                    .isEqualTo(CloudEvent.CONTENT_TYPE);
            JsonNode key = resolve(message.path("bindings").path("kafka").path("key"));
            assertThat(key.path("type").asText()).as("Kafka key of %s", type).isEqualTo("string");
            assertThat(key.path("format").asText()).as("Kafka key of %s", type).isEqualTo("uuid");
            JsonNode headers = resolve(message.path("headers"));
            assertThat(headers.path("properties").path("content-type").path("const").asText())
                    .isEqualTo(CloudEvent.CONTENT_TYPE);

            JsonNode payload = message.path("payload");
            assertThat(payload.path("schemaFormat").asText()).startsWith("application/schema+json");
            String ref = payload.path("schema").path("$ref").asText();
            assertThat(ref).as("payload of %s refers to its committed schema", type)
                    .isEqualTo("../events/" + type + ".schema.json");
            JsonNode schema = readJson(DOCUMENT.getParent().resolve(ref).normalize());
            assertThat(schema.path("properties").path("type").path("const").asText()).isEqualTo(type);
            assertThat(schema.toString()).as("%s includes the CloudEvents envelope", type)
                    .contains("cloudevent.schema.json");
            assertThat(schema.path("properties").path("data").path("$ref").asText()).as("data schema of %s", type)
                    .endsWith(".data.schema.json");
        }
    }

    @Test
    void everyOperationSendsOrReceivesMessagesOfItsOwnChannel() {
        for (Map.Entry<String, JsonNode> entry : fields(document.path("operations"))) {
            JsonNode operation = entry.getValue();
            assertThat(operation.path("action").asText()).as(entry.getKey()).isIn("send", "receive");
            String channel = operation.path("channel").path("$ref").asText();
            assertThat(channel).as(entry.getKey()).startsWith("#/channels/");
            assertThat(stream(operation.path("messages")).map(message -> message.path("$ref").asText()))
                    .as("messages of %s", entry.getKey()).isNotEmpty().allMatch(ref -> ref.startsWith(channel
                            + "/messages/"));
        }
    }

    @Test
    void everyRefResolvesInTheDocumentAndInEverySchemaItReaches() throws IOException {
        List<String> unresolved = new ArrayList<>();
        Set<Path> visited = new TreeSet<>();
        checkRefs(document, DOCUMENT, unresolved, visited);
        assertThat(unresolved).isEmpty();
        assertThat(visited).as("schema files reached").contains(
                EventSchemas.directory().resolve("cloudevent.schema.json").normalize(),
                EventSchemas.directory().resolve("cluster.data.schema.json").normalize(),
                EventSchemas.directory().resolve("agreement.data.schema.json").normalize(),
                EventSchemas.directory().resolve("funding-figure.data.schema.json").normalize());
    }

    /** Follows every {@code $ref} under {@code node} of {@code file}, reading each file it names once. */
    private static void checkRefs(JsonNode node, Path file, List<String> unresolved, Set<Path> visited)
            throws IOException {
        if (node.isObject() && node.path("$ref").isTextual()) {
            String ref = node.path("$ref").asText();
            int hash = ref.indexOf('#');
            String target = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            Path targetFile = target.isEmpty() ? file : file.getParent().resolve(target).normalize();
            if (!Files.isRegularFile(targetFile)) {
                unresolved.add(ref + " in " + file + ": no file " + targetFile);
            } else {
                JsonNode root = targetFile.equals(DOCUMENT) ? document : readJson(targetFile);
                if (!pointer.isEmpty() && root.at(pointer).isMissingNode()) {
                    unresolved.add(ref + " in " + file + ": nothing at " + pointer);
                }
                if (!targetFile.equals(DOCUMENT) && visited.add(targetFile)) {
                    checkRefs(root, targetFile, unresolved, visited);
                }
            }
        }
        for (JsonNode child : node) {
            checkRefs(child, file, unresolved, visited);
        }
    }

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> channels = new TreeMap<>();
        fields(document.path("channels")).forEach(entry -> channels.put(entry.getValue().path("address").asText(),
                entry.getValue()));
        return channels;
    }

    /** The types {@code clusterbridge.<aggregate>.<change>.v<n>} with a schema in contracts/events. */
    private static List<String> schemaTypes() throws IOException {
        try (Stream<Path> files = Files.list(EventSchemas.directory())) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(CloudEvent.TYPE_PREFIX) && name.endsWith(".schema.json"))
                    .map(name -> name.substring(0, name.length() - ".schema.json".length())).sorted().toList();
        }
    }

    /** A message with the fields of its traits, its own fields winning. */
    private static JsonNode withTraits(JsonNode message) {
        var merged = new ObjectMapper().createObjectNode();
        for (JsonNode trait : message.path("traits")) {
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) resolve(trait).deepCopy());
        }
        merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) message.deepCopy());
        return merged;
    }

    /** The node a local {@code $ref} points at, or the node itself. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : node;
    }

    private static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static Stream<JsonNode> stream(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        node.forEach(children::add);
        return children.stream();
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> iterator = node.fields();
        iterator.forEachRemaining(fields::add);
        return fields;
    }
}

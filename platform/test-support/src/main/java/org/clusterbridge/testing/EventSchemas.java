package org.clusterbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks events against the JSON Schemas committed in {@code contracts/events/}: the schema of an event is
 * {@code <type>.schema.json}, for example {@code clusterbridge.cluster.registered.v1.schema.json}.
 */
public final class EventSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();

    private EventSchemas() {
    }

    /** The {@code contracts/events} folder of the repository. */
    public static Path directory() {
        return RepositoryFiles.resolve("contracts/events");
    }

    /** Validation messages for the event, against the envelope and against its type's schema. */
    public static List<String> problems(String eventJson) {
        JsonNode event;
        try {
            event = MAPPER.readTree(eventJson);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        Stream<ValidationMessage> envelope = schema("cloudevent.schema.json").validate(event).stream();
        String type = event.path("type").asText();
        Path typeSchema = directory().resolve(type + ".schema.json");
        Stream<ValidationMessage> typed = Files.exists(typeSchema)
                ? schema(typeSchema.getFileName().toString()).validate(event).stream()
                : Stream.of();
        List<String> problems = Stream.concat(envelope, typed).map(ValidationMessage::getMessage).toList();
        if (!Files.exists(typeSchema) && type.startsWith("clusterbridge.")) {
            return Stream.concat(problems.stream(), Stream.of("no schema for type " + type + " in " + directory()))
                    .toList();
        }
        return problems;
    }

    /** Fails with every problem when the event does not match its schemas. */
    public static void assertValid(String eventJson) {
        List<String> problems = problems(eventJson);
        if (!problems.isEmpty()) {
            throw new AssertionError("event does not match its schema: " + problems + "\n" + eventJson);
        }
    }

    /** The {@code examples} of a type's schema, for consumers' tests. */
    public static List<String> examples(String type) {
        try {
            JsonNode schema = MAPPER.readTree(directory().resolve(type + ".schema.json").toFile());
            return Stream.of(schema.path("examples")).flatMap(node -> {
                Set<JsonNode> items = new java.util.LinkedHashSet<>();
                node.forEach(items::add);
                return items.stream();
            }).map(JsonNode::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The examples of every {@code clusterbridge.<aggregate>.<change>.v1} type named, in that order. */
    public static List<String> examples(String aggregate, String... changes) {
        return Stream.of(changes).flatMap(change -> examples("clusterbridge." + aggregate + "." + change + ".v1")
                .stream()).toList();
    }

    private static JsonSchema schema(String file) {
        return FACTORY.getSchema(SchemaLocation.of(directory().resolve(file).toUri().toString()), CONFIG);
    }
}

package org.clusterbridge.mou.store;

import java.util.UUID;

import org.bson.Document;
import org.clusterbridge.events.mongodb.MongoOutbox;
import org.clusterbridge.mou.domain.Agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stored form of an agreement: its fields as JSON (dates as ISO strings, which sort and compare in date order
 * on every MongoDB-wire server) under {@code _id} = its id, with {@code version} as a long and {@code signers}
 * (the parties and co-signers every per-cluster query uses) added. Reading ignores what the store adds (the
 * outbox) and fields it does not know, so documents written by older versions read the same.
 */
final class AgreementDocuments {

    static final String SIGNERS = "signers";

    private final ObjectMapper writer;
    private final ObjectMapper reader;

    AgreementDocuments(ObjectMapper mapper) {
        this.writer = mapper;
        this.reader = mapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    Document document(Agreement agreement) {
        Document fields = Document.parse(json(agreement));
        fields.remove("id");
        Document stored = new Document("_id", agreement.id().toString());
        stored.putAll(fields);
        stored.put("version", agreement.version());
        stored.put(SIGNERS, agreement.signers().stream().map(UUID::toString).toList());
        return stored;
    }

    Agreement agreement(Document document) {
        Document copy = new Document(document);
        copy.put("id", copy.remove("_id"));
        copy.remove(MongoOutbox.FIELD);
        copy.remove(SIGNERS);
        return reader.convertValue(copy, Agreement.class);
    }

    private String json(Agreement agreement) {
        try {
            return writer.writeValueAsString(agreement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agreement " + agreement.id() + " cannot be written", e);
        }
    }
}

package org.clusterbridge.mou.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.clusterbridge.events.mongodb.MongoOutbox;
import org.clusterbridge.mou.domain.Agreement;
import org.clusterbridge.mou.domain.AgreementKind;
import org.clusterbridge.mou.domain.AgreementStatus;

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
    static final String TERMINATION = "termination";
    /** The fields {@link #facts} reads. */
    static final List<String> FACTS = List.of("reference", "signedOn", "status", "kind", "effectiveFrom", "expiresOn",
            TERMINATION, "focusAreas", SIGNERS, AgreementFilters.UPDATED_AT);

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

    /**
     * The facet fields of a document read with the {@link #FACTS} projection, directly rather than through the
     * mapper: a facet count reads every document of its selection.
     */
    AgreementFacts facts(Document document) {
        String kind = document.getString("kind");
        String status = document.getString("status");
        Document termination = document.get(TERMINATION, Document.class);
        return new AgreementFacts(String.valueOf(document.get("_id")), document.getString("reference"),
                date(document.getString("signedOn")), status == null ? null : AgreementStatus.valueOf(status),
                kind == null ? null : AgreementKind.valueOf(kind),
                date(document.getString("effectiveFrom")), date(document.getString("expiresOn")),
                termination == null ? null : date(termination.getString("date")),
                document.getList("focusAreas", String.class, List.of()),
                document.getList(SIGNERS, String.class, List.of()), instant(document.get(AgreementFilters.UPDATED_AT)));
    }

    /** A stored {@code updatedAt} (ISO-8601 text); anything else, or nothing, is no time. */
    private static Instant instant(Object stored) {
        if (stored instanceof String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private String json(Agreement agreement) {
        try {
            return writer.writeValueAsString(agreement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("agreement " + agreement.id() + " cannot be written", e);
        }
    }
}

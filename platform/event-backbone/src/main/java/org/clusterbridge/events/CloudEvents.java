package org.clusterbridge.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Creates, writes and reads the envelope of this service's events. */
@ApplicationScoped
public class CloudEvents {

    private final ObjectMapper mapper;
    private final BackboneConfig config;

    CloudEvents(ObjectMapper mapper, BackboneConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * An event about {@code aggregate} {@code subject} whose state after the change is {@code state}, made by
     * {@code actor} (a token subject, or {@code service:<name>}).
     */
    public CloudEvent create(String aggregate, String change, Object subject, long sequence, String actor,
            Object state) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("every event names who made the change");
        }
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID(), config.source(),
                CloudEvent.type(aggregate, change), subject.toString(),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), "application/json", sequence,
                actor, mapper.valueToTree(state));
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " cannot be written as JSON", e);
        }
    }

    /** Reads an event; throws {@link MalformedEventException} for anything that is not a usable envelope. */
    public CloudEvent read(String json) {
        CloudEvent event;
        try {
            event = mapper.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getMessage(), e);
        }
        if (event == null || event.id() == null || event.type() == null || event.subject() == null
                || !CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedEventException("envelope lacks specversion 1.0, id, type or subject", null);
        }
        return event;
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + event.type() + " " + event.id() + " is not a "
                    + type.getSimpleName(), e);
        }
    }

    /** Thrown for records that can never be applied, whatever the retries. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

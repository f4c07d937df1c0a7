package org.clusterbridge.events.changes;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.clusterbridge.api.Problem;
import org.clusterbridge.api.Problem.FieldError;
import org.clusterbridge.api.ProblemException;
import org.clusterbridge.api.QueryParams;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.rules.DomainException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The service's change feed over HTTP: JSON pages with a cursor, or the same events as Server-Sent Events whose
 * ids are cursors, so a browser's EventSource resumes by itself ({@code Last-Event-ID}).
 */
@Path("/api/changes")
@Tag(name = "Changes")
@Blocking
@RolesAllowed({ Roles.READER, Roles.EDITOR, Roles.ADMIN })
@IfBuildProperty(name = "clusterbridge.changes.enabled", stringValue = "true")
public class ChangeResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = ChangeConsumers.MAX_RECORDS;

    private final ChangeFeed feed;
    private final ChangeFeedConfig config;

    ChangeResource(ChangeFeed feed, ChangeFeedConfig config) {
        this.feed = feed;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listChanges", summary = "This service's change events after a cursor, in order",
            description = "Every event this service published, as CloudEvents exactly as on its topic: without a "
                    + "cursor from the beginning (each aggregate's latest state, then the changes since), else after "
                    + "the cursor. Pass next as after to read on; an empty page keeps the cursor. Delivery is at "
                    + "least once and each aggregate's events come in order. With Accept: text/event-stream the same "
                    + "feed is a stream of Server-Sent Events that stays open: each event's id is the cursor after "
                    + "it, its event name the CloudEvent type, its data the CloudEvent; Last-Event-ID resumes.")
    @APIResponse(responseCode = "200", description = "A page of events, or (text/event-stream) the live stream",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ChangePage.class)),
                    @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                            description = "Server-Sent Events: id is the cursor after the event, event the "
                                    + "CloudEvent type, data the CloudEvent JSON (schema CloudEvent)")) })
    @APIResponse(responseCode = "400", description = "The cursor is not one this feed gave out or names partitions "
            + "its topic does not have, or limit is not a whole number from 1 to " + MAX_LIMIT,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept names neither application/json nor text/event-stream",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka is unreachable, or this instance serves as many streams "
            + "as it may; retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangePage listChanges(
            @Parameter(description = "cursor to read after: the next of a page, the id of an event, or end (only "
                    + "what is published from now on); without it the feed starts at the beginning",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("after") String after,
            @Parameter(description = "most events in the page, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT
                    + ")", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                            maximum = "" + MAX_LIMIT, defaultValue = "" + DEFAULT_LIMIT))
            @QueryParam("limit") String limit,
            @Parameter(name = "Last-Event-ID", in = ParameterIn.HEADER, description = "the id of the last event "
                    + "received, as an EventSource sends it when it reconnects; it takes precedence over after",
                    schema = @Schema(type = SchemaType.STRING))
            @HeaderParam("Last-Event-ID") String lastEventId) {
        Position from = Position.of(after, lastEventId);
        int size = limit(limit);
        try {
            return feed.page(from.cursor(), size);
        } catch (InvalidCursorException e) {
            throw from.invalid(e.getMessage());
        } catch (ChangeFeedUnavailableException e) {
            throw unavailable(e);
        }
    }

    /** The same feed as a stream; documented as the text/event-stream answer of listChanges. */
    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(hidden = true)
    public Multi<OutboundSseEvent> streamChanges(@QueryParam("after") String after,
            @QueryParam("limit") String limit, @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        Position from = Position.of(after, lastEventId);
        limit(limit);
        ChangeStream stream;
        try {
            stream = feed.open(from.cursor());
        } catch (InvalidCursorException e) {
            throw from.invalid(e.getMessage());
        } catch (ChangeFeedUnavailableException e) {
            throw unavailable(e);
        }
        long keepAlive = config.keepAlive().toNanos();
        AtomicLong lastSent = new AtomicLong(System.nanoTime());
        return stream.batches().onItem().transformToIterable(batch -> {
            long now = System.nanoTime();
            if (!batch.isEmpty()) {
                lastSent.set(now);
                return batch.stream().map(change -> event(sse, change)).toList();
            }
            if (now - lastSent.get() >= keepAlive) {
                lastSent.set(now);
                return List.of(sse.newEventBuilder().comment("keep-alive").build());
            }
            return List.<OutboundSseEvent> of();
        });
    }

    private static OutboundSseEvent event(Sse sse, Change change) {
        return sse.newEventBuilder().id(change.after().encode()).name(change.event().type())
                .data(change.event().json()).build();
    }

    private static int limit(String raw) {
        Integer limit = QueryParams.integer("limit", raw);
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", "must be from 1 to " + MAX_LIMIT);
        }
        return limit;
    }

    private static ProblemException unavailable(ChangeFeedUnavailableException e) {
        String title = e.code().equals("too-many-change-streams") ? "Too many change streams"
                : "Change feed unavailable";
        return new ProblemException(503, e.code(), title, e.getMessage(), List.of());
    }

    /** Where the client asked to start, and which of its inputs said so (Last-Event-ID wins over after). */
    private record Position(String field, String raw) {

        static Position of(String after, String lastEventId) {
            if (lastEventId != null && !lastEventId.isBlank()) {
                return new Position("Last-Event-ID", lastEventId.trim());
            }
            return new Position("after", after == null || after.isBlank() ? null : after.trim());
        }

        ChangeCursor cursor() {
            try {
                return raw == null ? ChangeCursor.beginning() : ChangeCursor.decode(raw);
            } catch (InvalidCursorException e) {
                throw invalid(e.getMessage());
            }
        }

        ProblemException invalid(String reason) {
            return new ProblemException(400, "invalid-cursor", "Invalid cursor", field + " " + reason,
                    List.of(new FieldError(field, reason)));
        }
    }
}

package org.clusterbridge.events.views;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.apache.kafka.common.TopicPartition;
import org.clusterbridge.api.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.arc.ClientProxy;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Administers the views fed by one incoming channel. A rebuild clears them, then rewinds this instance's
 * consumers of the channel to the beginning of their partitions, so the views converge to the state the topic
 * describes. The channel's dead letters can be listed and replayed through the views.
 */
@Path("/api/admin/views")
@Tag(name = "Administration")
@Blocking
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ViewRebuildResource {

    private final Instance<InboundView<?, ?>> views;
    private final ViewEvents viewEvents;
    private final DeadLetters deadLetters;
    private final KafkaClientService kafka;

    ViewRebuildResource(@Any Instance<InboundView<?, ?>> views, ViewEvents viewEvents, DeadLetters deadLetters,
            KafkaClientService kafka) {
        this.views = views;
        this.viewEvents = viewEvents;
        this.deadLetters = deadLetters;
        this.kafka = kafka;
    }

    /** The view's own class name, without the suffix of the proxy or subclass Quarkus generates. */
    private static String name(InboundView<?, ?> view) {
        return ClientProxy.unwrap(view).getClass().getSimpleName().replaceFirst("_(ClientProxy|Subclass)$", "");
    }

    public record Rebuild(String channel, List<String> views, List<String> partitions) {
    }

    /** The records a channel's views refused, oldest first. */
    public record DeadLetterList(String channel, String topic, List<DeadLetters.DeadLetter> deadLetters) {
    }

    /** What became of the dead letters when the views applied them again. */
    public record DeadLetterReplay(String channel, String topic, List<String> views,
            Map<ViewEvents.Outcome, Integer> outcomes) {
    }

    @POST
    @Path("/{channel}/rebuild")
    @Operation(operationId = "rebuildViews", summary = "Rebuild the views of a channel from the start of its topic")
    public Rebuild rebuild(@PathParam("channel") String channel) {
        List<InboundView<?, ?>> matching = fedBy(channel);
        matching.forEach(viewEvents::clear);
        Set<String> partitions = new TreeSet<>();
        for (KafkaConsumer<Object, Object> consumer : kafka.getConsumers(channel)) {
            consumer.runOnPollingThread(c -> {
                Set<TopicPartition> assigned = c.assignment();
                c.seekToBeginning(assigned);
                assigned.forEach(partition -> partitions.add(partition.toString()));
            }).await().indefinitely();
        }
        return new Rebuild(channel,
                matching.stream().map(ViewRebuildResource::name).toList(),
                List.copyOf(partitions));
    }

    @GET
    @Path("/{channel}/dead-letters")
    @Operation(operationId = "listDeadLetters",
            summary = "List the records the views of a channel could not apply, with the reasons")
    public DeadLetterList deadLetters(@PathParam("channel") String channel) {
        fedBy(channel);
        String topic = deadLetterTopic(channel);
        return new DeadLetterList(channel, topic, deadLetters.read(topic));
    }

    @POST
    @Path("/{channel}/dead-letters/replay")
    @Operation(operationId = "replayDeadLetters", summary = "Apply a channel's dead letters through its views again")
    public DeadLetterReplay replayDeadLetters(@PathParam("channel") String channel) {
        List<InboundView<?, ?>> matching = fedBy(channel);
        String topic = deadLetterTopic(channel);
        return new DeadLetterReplay(channel, topic, matching.stream().map(ViewRebuildResource::name).toList(),
                deadLetters.replay(topic, matching));
    }

    private List<InboundView<?, ?>> fedBy(String channel) {
        List<InboundView<?, ?>> matching = views.stream().filter(view -> view.spec().channel().equals(channel))
                .toList();
        if (matching.isEmpty()) {
            throw new NotFoundException("no view is fed by channel " + channel);
        }
        return matching;
    }

    private static String deadLetterTopic(String channel) {
        return DeadLetters.topic(channel)
                .orElseThrow(() -> new NotFoundException("channel " + channel + " has no dead-letter topic"));
    }
}

package org.clusterbridge.events.views;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
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
 * Rebuilds the views fed by one incoming channel: clears them, then rewinds this instance's consumers of the
 * channel to the beginning of their partitions. Views converge to the state the topic describes.
 */
@Path("/api/admin/views")
@Tag(name = "Administration")
@Blocking
@RolesAllowed(Roles.ADMIN)
public class ViewRebuildResource {

    private final Instance<InboundView<?, ?>> views;
    private final ViewEvents viewEvents;
    private final KafkaClientService kafka;

    ViewRebuildResource(@Any Instance<InboundView<?, ?>> views, ViewEvents viewEvents, KafkaClientService kafka) {
        this.views = views;
        this.viewEvents = viewEvents;
        this.kafka = kafka;
    }

    /** The view's own class name, without the suffix of the proxy or subclass Quarkus generates. */
    private static String name(InboundView<?, ?> view) {
        return ClientProxy.unwrap(view).getClass().getSimpleName().replaceFirst("_(ClientProxy|Subclass)$", "");
    }

    public record Rebuild(String channel, List<String> views, List<String> partitions) {
    }

    @POST
    @Path("/{channel}/rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rebuild the views fed by a channel from the beginning of its topic")
    public Rebuild rebuild(@PathParam("channel") String channel) {
        List<InboundView<?, ?>> matching = views.stream().filter(view -> view.spec().channel().equals(channel))
                .toList();
        if (matching.isEmpty()) {
            throw new NotFoundException("no view is fed by channel " + channel);
        }
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
}

package org.clusterbridge.dashboard.live;

import java.time.Duration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.mutiny.Multi;

/**
 * Server-Sent Events that tell a signed-in page the registry changed ({@link ChangeWatcher}); a comment-like
 * {@code ping} every 20 s keeps idle connections open through proxies.
 */
@Path("/live")
public class LiveResource {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final ChangeWatcher watcher;

    LiveResource(ChangeWatcher watcher) {
        this.watcher = watcher;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> live() {
        Multi<String> pings = Multi.createFrom().ticks().every(KEEP_ALIVE).map(tick -> "{\"ping\":true}");
        return Multi.createBy().merging().streams(watcher.changes(), pings);
    }
}

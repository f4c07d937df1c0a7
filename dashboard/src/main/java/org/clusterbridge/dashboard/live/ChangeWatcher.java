package org.clusterbridge.dashboard.live;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.clusterbridge.dashboard.registry.Fetched;
import org.clusterbridge.dashboard.registry.RegistryClient;
import org.clusterbridge.dashboard.registry.Service;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Follows the three services' change feeds ({@code GET /api/changes}) from the moment the dashboard starts
 * ({@code after=end}) and tells the open pages when the registry changed, so the overview redraws without a
 * reload. Only the fact of a change reaches the browser (which service, how many events), never an event's data.
 */
@ApplicationScoped
public class ChangeWatcher {

    private static final Logger LOG = Logger.getLogger(ChangeWatcher.class);
    private static final int PAGE = 500;

    private final RegistryClient registry;
    private final Duration poll;
    private final Map<Service, String> cursors = new EnumMap<>(Service.class);
    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private ScheduledExecutorService timer;

    ChangeWatcher(RegistryClient registry, @ConfigProperty(name = "dashboard.live.poll") Duration poll) {
        this.registry = registry;
        this.poll = poll;
    }

    void onStart(@Observes StartupEvent start) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "change-watcher");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::pollAll, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (timer != null) {
            timer.shutdownNow();
        }
        changes.onComplete();
    }

    /** The changes as they happen: one JSON line per service and poll that saw events. */
    public Multi<String> changes() {
        return changes;
    }

    private void pollAll() {
        for (Service service : Service.values()) {
            try {
                pollOne(service);
            } catch (RuntimeException e) {
                LOG.debugf("change feed of %s: %s", service.label(), e.toString());
            }
        }
    }

    private void pollOne(Service service) {
        String cursor = cursors.get(service);
        Fetched<JsonNode> page = registry.getNow(service, "/api/changes?limit=" + PAGE + "&after="
                + (cursor == null ? "end" : RegistryClient.segment(cursor)));
        if (page.status() == 400) {
            // The cursor no longer fits the topic (recreated): start again from now.
            cursors.remove(service);
            return;
        }
        if (!page.present()) {
            return;
        }
        String next = page.value().path("next").asText(null);
        int events = page.value().path("items").size();
        if (next != null) {
            cursors.put(service, next);
        }
        if (cursor != null && events > 0) {
            changes.onNext("{\"service\":\"" + service.label() + "\",\"events\":" + events + "}");
        }
    }
}

package org.clusterbridge.events.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.clusterbridge.events.BackboneConfig;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Moves committed events from the service's outbox to Kafka. It wakes when a transaction that wrote an event
 * commits, polls at {@code clusterbridge.events.relay.poll-interval} as a safety net, drains while there is
 * work, and backs off exponentially while the broker does not acknowledge.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final List<OutboxStore> stores;
    private final EventPublisher publisher;
    private final BackboneConfig.Relay config;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile String lastError;
    private volatile Instant lastStatsAt = Instant.EPOCH;
    private volatile boolean running;
    private Thread thread;

    OutboxRelay(Instance<OutboxStore> stores, EventPublisher publisher, BackboneConfig config,
            MeterRegistry registry) {
        this.stores = stores.stream().toList();
        this.publisher = publisher;
        this.config = config.relay();
        this.published = Counter.builder("clusterbridge.outbox.published").description("Events relayed to Kafka")
                .register(registry);
        this.failures = Counter.builder("clusterbridge.outbox.failures")
                .description("Relay batches Kafka did not acknowledge").register(registry);
        Gauge.builder("clusterbridge.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka").register(registry);
        Gauge.builder("clusterbridge.outbox.lag.seconds", lagMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest event waiting in the outbox").register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled() || stores.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            wake();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // The batch under way is finished: hand the right to relay to the other instances.
        for (OutboxStore store : stores) {
            try {
                store.releaseRelay();
            } catch (RuntimeException e) {
                LOG.warnf("outbox %s keeps its relay lease until it runs out: %s", store.name(), e.getMessage());
            }
        }
    }

    /** Called after a commit that wrote events; never blocks. */
    public void wake() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Publishes everything pending now, on the caller's thread; returns how many events went out. */
    public int drain() {
        int total = 0;
        for (OutboxStore store : stores) {
            int count;
            while ((count = store.relayBatch(config.batchSize(), publisher)) > 0) {
                total += count;
                published.increment(count);
            }
        }
        return total;
    }

    public long pending() {
        return pending.get();
    }

    public Duration lag() {
        return Duration.ofMillis(lagMillis.get());
    }

    public String lastError() {
        return lastError;
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        long backoff = config.initialBackoff().toMillis();
        while (running) {
            try {
                drain();
                if (lastError != null) {
                    LOG.infof("outbox relay recovered: events flow to Kafka again");
                }
                lastError = null;
                backoff = config.initialBackoff().toMillis();
                refreshStats(false);
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                if (lastError == null) {
                    LOG.warnf("outbox relay cannot publish, retrying with back-off: %s", e.getMessage());
                }
                lastError = e.getMessage();
                refreshStats(true);
                sleep(backoff);
                backoff = Math.min(backoff * 2, config.maxBackoff().toMillis());
            }
        }
    }

    private void refreshStats(boolean force) {
        Instant now = Instant.now();
        if (!force && now.isBefore(lastStatsAt.plusSeconds(1))) {
            return;
        }
        lastStatsAt = now;
        try {
            long count = 0;
            Instant oldest = null;
            for (OutboxStore store : stores) {
                OutboxStore.Backlog backlog = store.backlog();
                count += backlog.count();
                Instant storeOldest = backlog.oldest().orElse(null);
                if (storeOldest != null && (oldest == null || storeOldest.isBefore(oldest))) {
                    oldest = storeOldest;
                }
                store.purgePublishedBefore(now.minus(config.retention()));
            }
            pending.set(count);
            lagMillis.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis()));
        } catch (RuntimeException e) {
            LOG.debugf("outbox statistics unavailable: %s", e.getMessage());
        }
    }

    private void sleep(long millis) {
        try {
            wakeUps.tryAcquire(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

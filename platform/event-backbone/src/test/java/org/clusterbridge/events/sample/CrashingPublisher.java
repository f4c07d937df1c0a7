package org.clusterbridge.events.sample;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.clusterbridge.events.outbox.KafkaEventPublisher;
import org.clusterbridge.events.outbox.PendingEvent;


/**
 * The real publisher, which a test can make fail right after Kafka acknowledged a batch: the relay dies
 * between publish and mark-sent, as a crash at that moment would leave it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CrashingPublisher extends KafkaEventPublisher {

    private final AtomicBoolean crashAfterNextPublish = new AtomicBoolean();

    public void crashAfterNextPublish() {
        crashAfterNextPublish.set(true);
    }

    @Override
    public synchronized void publish(List<PendingEvent> events) {
        super.publish(events);
        if (crashAfterNextPublish.compareAndSet(true, false)) {
            throw new IllegalStateException("relay killed after Kafka acknowledged " + events.size() + " events");
        }
    }
}

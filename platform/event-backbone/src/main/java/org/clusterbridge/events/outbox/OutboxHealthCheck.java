package org.clusterbridge.events.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox in readiness details. Events waiting while the broker is away do not make the service
 * unready: writes are still accepted and nothing is lost; the Kafka check reports the broker itself.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("outbox")
                .up()
                .withData("relay", relay.isRunning() ? "running" : "stopped")
                .withData("pending", relay.pending())
                .withData("lagMillis", relay.lag().toMillis());
        String error = relay.lastError();
        if (error != null) {
            builder.withData("lastError", error);
        }
        return builder.build();
    }
}

package org.clusterbridge.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.clusterbridge.localstack.LocalStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Faults that the system must survive without losing or doubling anything: the broker taken away during a burst
 * of writes, and each service killed with SIGKILL in the middle of writes.
 */
@SystemTest
@Order(5)
class FaultsIT {

    private final TheSystem system = TheSystem.get();
    private final Convergence convergence = new Convergence(system);
    private final ClusterBridge api = new ClusterBridge(system);

    @Test
    void brokerOutageDuringABurstOfWritesLosesAndDoublesNothing() throws Exception {
        LocalStack stack = system.localStack("stopping the broker");
        List<String> partners = convergence.partners("outage", 4);
        WriteLoad load = new WriteLoad(api, partners, "outage", 60).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> load.reached(10));
            stack.stopBroker();
            int atStop = load.rounds();
            try {
                await().atMost(Duration.ofSeconds(90)).until(() -> load.reached(atStop + 20));
            } finally {
                stack.startBroker();
            }
            Report.line("broker outage: %d write rounds (4 writes each) while the broker was down",
                    load.rounds() - atStop);
            await().atMost(Duration.ofSeconds(90)).until(() -> load.reached(60));
        } finally {
            load.stop();
        }
        assertThat(load.accepted()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(load.unanswered()).as("writes must be accepted while the broker is away: %s", load.refusals())
                .isZero();
        convergence.assertConverged("broker stopped during writes", load, partners, Duration.ofSeconds(120));
    }

    @Test
    void servicesKilledInTheMiddleOfWritesLoseAndDoubleNothing() throws Exception {
        LocalStack stack = system.localStack("killing a service with SIGKILL");
        List<String> partners = convergence.partners("crash", 4);
        WriteLoad load = new WriteLoad(api, partners, "crash", 2000).start();
        try {
            for (String service : TheSystem.SERVICES) {
                int before = load.rounds();
                await().atMost(Duration.ofSeconds(60)).until(() -> load.reached(before + 5));
                int unansweredBefore = load.unanswered();
                stack.killService(service);
                await().atMost(Duration.ofSeconds(30)).until(() -> load.unanswered() >= unansweredBefore + 2);
                long restarting = System.nanoTime();
                stack.restartService(service);
                Report.line("%s killed with SIGKILL mid-writes and restarted (ready again in %.1f s)", service,
                        (System.nanoTime() - restarting) / 1e9);
            }
            int after = load.rounds();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.reached(after + 5));
        } finally {
            load.stop();
        }
        convergence.assertConverged("each service killed mid-writes", load, partners, Duration.ofSeconds(120));
    }
}

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
        Loaded run = underWriteLoad("outage", 60, load -> {
            awaitRounds(load, 10, 60);
            stack.stopBroker();
            int atStop = load.rounds();
            try {
                awaitRounds(load, atStop + 20, 90);
            } finally {
                stack.startBroker();
            }
            Report.line("broker outage: %d write rounds (4 writes each) while the broker was down",
                    load.rounds() - atStop);
            awaitRounds(load, 60, 90);
        });
        WriteLoad load = run.load();
        assertThat(load.accepted()).hasSizeGreaterThanOrEqualTo(200);
        assertThat(load.unanswered()).as("writes must be accepted while the broker is away: %s", load.refusals())
                .isZero();
        convergence.assertConverged("broker stopped during writes", load, run.partners(), Duration.ofSeconds(120));
    }

    @Test
    void servicesKilledInTheMiddleOfWritesLoseAndDoubleNothing() throws Exception {
        LocalStack stack = system.localStack("killing a service with SIGKILL");
        Loaded run = underWriteLoad("crash", 2000, load -> {
            for (String service : TheSystem.SERVICES) {
                awaitRounds(load, load.rounds() + 5, 60);
                int unansweredBefore = load.unanswered();
                stack.killService(service);
                await().atMost(Duration.ofSeconds(30)).until(() -> load.unanswered() >= unansweredBefore + 2);
                long restarting = System.nanoTime();
                stack.restartService(service);
                Report.line("%s killed with SIGKILL mid-writes and restarted (ready again in %.1f s)", service,
                        (System.nanoTime() - restarting) / 1e9);
            }
            awaitRounds(load, load.rounds() + 5, 60);
        });
        convergence.assertConverged("each service killed mid-writes", run.load(), run.partners(),
                Duration.ofSeconds(120));
    }

    /** A fault brought about while a write load runs. */
    @FunctionalInterface
    private interface Fault {
        void during(WriteLoad load) throws Exception;
    }

    /** A write load that has run, and the partner clusters its agreements were signed with. */
    private record Loaded(WriteLoad load, List<String> partners) {
    }

    /**
     * Runs {@code fault} while a write load of {@code rounds} rounds (on four fresh partners named after
     * {@code name}) goes on, and stops the load whatever happens.
     */
    private Loaded underWriteLoad(String name, int rounds, Fault fault) throws Exception {
        List<String> partners = convergence.partners(name, 4);
        WriteLoad load = new WriteLoad(api, partners, name, rounds).start();
        try {
            fault.during(load);
        } finally {
            load.stop();
        }
        return new Loaded(load, partners);
    }

    /** Waits at most {@code seconds} for the load to have completed {@code rounds} write rounds. */
    private static void awaitRounds(WriteLoad load, int rounds, int seconds) {
        await().atMost(Duration.ofSeconds(seconds)).until(() -> load.reached(rounds));
    }
}

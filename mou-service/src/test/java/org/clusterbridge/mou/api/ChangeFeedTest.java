package org.clusterbridge.mou.api;

import java.time.LocalDate;
import java.util.UUID;

import org.clusterbridge.mou.Agreements;
import org.clusterbridge.mou.ClusterEvents;
import org.clusterbridge.testing.ChangeFeedContract;

import io.quarkus.test.junit.QuarkusTest;

/** GET /api/changes serves readers this service's own topic, agreement-events. */
@QuarkusTest
class ChangeFeedTest extends ChangeFeedContract {

    ChangeFeedTest() {
        super("/mou-service", "clusterbridge.agreement.");
    }

    @Override
    protected String write() {
        UUID a = ClusterEvents.cluster("Change feed party A", "FR");
        UUID b = ClusterEvents.cluster("Change feed party B", "JP");
        return Agreements.create(Agreements.body(a, b, LocalDate.of(2024, 5, 2)));
    }
}

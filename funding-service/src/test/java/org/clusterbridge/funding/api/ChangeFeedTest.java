package org.clusterbridge.funding.api;

import java.util.UUID;

import org.clusterbridge.funding.ClusterEvents;
import org.clusterbridge.funding.Figures;
import org.clusterbridge.testing.ChangeFeedContract;

import io.quarkus.test.junit.QuarkusTest;

/** GET /api/changes serves readers this service's own topic, funding-events. */
@QuarkusTest
class ChangeFeedTest extends ChangeFeedContract {

    ChangeFeedTest() {
        super("/funding-service", "clusterbridge.funding-figure.recorded.v1");
    }

    @Override
    protected String write() {
        UUID cluster = ClusterEvents.register("feed-" + UUID.randomUUID(), "Change feed cluster", null, "FR");
        return Figures.create(Figures.count(cluster, "projects-certified", "ACTUAL", 12, Figures.asOf("2023-12-31"),
                "Change feed test report"));
    }
}

package org.clusterbridge.cluster.api;

import org.clusterbridge.testing.ChangeFeedContract;

import io.quarkus.test.junit.QuarkusTest;

/** GET /api/changes serves readers this service's own topic, cluster-events. */
@QuarkusTest
class ChangeFeedTest extends ChangeFeedContract {

    ChangeFeedTest() {
        super("/cluster-service", "clusterbridge.cluster.registered.v1");
    }

    @Override
    protected String write() {
        return ClusterBodies.register(ClusterBodies.cluster(ClusterBodies.unique("feed"), "Change feed cluster"));
    }
}

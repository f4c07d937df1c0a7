package org.clusterbridge.mou;

import org.clusterbridge.testing.KafkaResource;
import org.clusterbridge.testing.MongoResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real Kafka and a MongoDB-wire server for every test of this service. */
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MongoResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}

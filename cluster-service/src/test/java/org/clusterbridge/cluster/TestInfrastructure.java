package org.clusterbridge.cluster;

import org.clusterbridge.testing.KafkaResource;
import org.clusterbridge.testing.PostgresResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real Kafka and PostgreSQL for every test of this service. */
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "database", value = "cluster"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}

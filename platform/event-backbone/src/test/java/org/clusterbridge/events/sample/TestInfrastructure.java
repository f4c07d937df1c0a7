package org.clusterbridge.events.sample;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import org.clusterbridge.testing.KafkaResource;
import org.clusterbridge.testing.MongoResource;
import org.clusterbridge.testing.PostgresResource;
import org.clusterbridge.testing.TokenResource;

/** Real Kafka, PostgreSQL and MongoDB-wire servers, and a token issuer the app trusts, for every test of this module. */
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "database", value = "backbone"))
@WithTestResource(value = MongoResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TokenResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}

package org.clusterbridge.funding;

import org.clusterbridge.testing.KafkaResource;
import org.clusterbridge.testing.PostgresResource;
import org.clusterbridge.testing.TokenResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Real Kafka and PostgreSQL, and a token issuer the service trusts, for every test of this service. REST Assured
 * requests carry an admin token unless a test gives another ({@link org.clusterbridge.testing.AdminTokenByDefault}).
 */
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "database", value = "funding"))
@WithTestResource(value = TokenResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}

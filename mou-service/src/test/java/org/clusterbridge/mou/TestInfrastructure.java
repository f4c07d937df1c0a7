package org.clusterbridge.mou;

import org.clusterbridge.testing.KafkaResource;
import org.clusterbridge.testing.MongoResource;
import org.clusterbridge.testing.TokenResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Real Kafka and a MongoDB-wire server, and a token issuer the service trusts, for every test of this service.
 * REST Assured requests carry an admin token unless a test gives another
 * ({@link org.clusterbridge.testing.AdminTokenByDefault}).
 */
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MongoResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TokenResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}

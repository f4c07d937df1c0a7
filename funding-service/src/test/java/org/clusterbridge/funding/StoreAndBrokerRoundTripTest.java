package org.clusterbridge.funding;

import org.clusterbridge.testing.backbone.PostgresOutboxRoundTrip;

import io.quarkus.test.junit.QuarkusTest;

/** The service reaches its real PostgreSQL and Kafka: a row written in a transaction comes out of the topic. */
@QuarkusTest
class StoreAndBrokerRoundTripTest extends PostgresOutboxRoundTrip {
}

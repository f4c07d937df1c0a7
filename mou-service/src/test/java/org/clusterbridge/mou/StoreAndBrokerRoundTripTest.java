package org.clusterbridge.mou;

import org.clusterbridge.testing.backbone.MongoOutboxRoundTrip;

import io.quarkus.test.junit.QuarkusTest;

/** The service reaches its real MongoDB-wire server and Kafka: a document's pending event comes out of the topic. */
@QuarkusTest
class StoreAndBrokerRoundTripTest extends MongoOutboxRoundTrip {
}

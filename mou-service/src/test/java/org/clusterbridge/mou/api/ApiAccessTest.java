package org.clusterbridge.mou.api;

import org.clusterbridge.testing.ApiAccessTests;

import io.quarkus.test.junit.QuarkusTest;

/** 401, 403 and the allowed case for every operation the OpenAPI document of this service lists. */
@QuarkusTest
class ApiAccessTest extends ApiAccessTests {
}

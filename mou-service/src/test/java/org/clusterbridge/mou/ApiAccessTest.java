package org.clusterbridge.mou;

import java.net.URI;
import java.net.URL;
import java.util.stream.Stream;

import org.clusterbridge.testing.ApiAccessCheck;
import org.clusterbridge.testing.TestTokens;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** 401, 403 and the allowed case for every operation the OpenAPI document of this service lists. */
@QuarkusTest
class ApiAccessTest {

    @TestHTTPResource("/")
    URL base;

    @TestFactory
    Stream<DynamicNode> everyOperationNeedsItsRoles() throws Exception {
        return ApiAccessCheck.everyOperation(URI.create(base.toString()), TestTokens.issuer());
    }
}

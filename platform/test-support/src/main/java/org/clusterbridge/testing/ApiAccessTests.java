package org.clusterbridge.testing;

import java.net.URI;
import java.net.URL;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * 401, 403 and the allowed case for every operation the OpenAPI document of the service under test lists
 * ({@link ApiAccessCheck}). A service's {@code @QuarkusTest} extends it and adds nothing.
 */
public abstract class ApiAccessTests {

    @TestHTTPResource("/")
    protected URL base;

    @TestFactory
    public Stream<DynamicNode> everyOperationNeedsItsRoles() {
        return ApiAccessCheck.everyOperation(URI.create(base.toString()), TestTokens.issuer());
    }
}

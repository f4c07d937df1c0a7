package org.clusterbridge.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every REST Assured request of a {@code @QuarkusTest} carries an admin token unless it says otherwise
 * ({@code given().auth().oauth2(other)} or {@code given().auth().none()}): most tests are about the API, not
 * about access, which {@link ApiAccessCheck} covers operation by operation.
 */
public class AdminTokenByDefault implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (TestTokens.available()) {
            RestAssured.authentication = RestAssured.oauth2(TestTokens.admin());
        }
    }
}

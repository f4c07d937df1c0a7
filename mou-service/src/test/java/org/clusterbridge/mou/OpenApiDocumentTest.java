package org.clusterbridge.mou;

import java.io.IOException;

import org.clusterbridge.testing.OpenApiDrift;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Partner systems code against contracts/openapi/mou-service.yaml: the served document must not drift from it. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theServedDocumentIsTheCommittedOne() throws IOException {
        OpenApiDrift.assertServedDocumentIsCommitted("mou-service");
    }
}

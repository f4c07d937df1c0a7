package org.clusterbridge.testing;

import org.clusterbridge.embedded.TokenIssuer;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a fresh token issuer whose public key and issuer the service under test trusts.
 * Tests sign their tokens with {@link TestTokens}, which reads the same files.
 */
public class TokenResource implements QuarkusTestResourceLifecycleManager {

    public static final String TEST_ISSUER = "https://tokens.test.clusterbridge.org";

    @Override
    public Map<String, String> start() {
        Path dir = TestTokens.directory();
        TokenIssuer.generate(TEST_ISSUER).save(dir);
        return Map.of(
                "mp.jwt.verify.publickey.location", dir.toAbsolutePath().resolve(TokenIssuer.PUBLIC_KEY_FILE).toUri()
                        .toString(),
                "mp.jwt.verify.issuer", TEST_ISSUER,
                "mp.jwt.verify.audiences", TokenIssuer.AUDIENCE);
    }

    @Override
    public void stop() {
        // The keys stay in target/ for the next start to replace.
    }
}

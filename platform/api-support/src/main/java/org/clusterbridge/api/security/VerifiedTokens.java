package org.clusterbridge.api.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies each distinct bearer token once and reuses what it gave, as API gateways do: verifying an RS256
 * signature and the claims costs far more than the read it guards. This decorates SmallRye JWT's parser, which
 * does every verification (signature, issuer, audience, expiry) and whose result the JWT mechanism turns into the
 * request's identity as before, so 401 and 403 answers are unchanged. The cache is keyed by the whole token: a
 * token changed in any character (a tampered payload or signature) is another key and is verified, and refused,
 * afresh. A verified token is kept at most {@code clusterbridge.security.token-cache.max-age} and never past its
 * {@code exp}; a refused one is never kept. {@code clusterbridge.security.token-cache.max-entries=0} turns reuse
 * off.
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokens implements JWTParser {

    private final JWTParser parser;
    private final Duration maxAge;
    private final Cache<String, Verified> cache;
    private final Counter reused;
    private final Counter verified;

    @Inject
    VerifiedTokens(@Delegate JWTParser parser, MeterRegistry registry,
            @ConfigProperty(name = "clusterbridge.security.token-cache.max-entries", defaultValue = "10000")
            long maxEntries,
            @ConfigProperty(name = "clusterbridge.security.token-cache.max-age", defaultValue = "PT5M")
            Duration maxAge) {
        this.parser = parser;
        this.maxAge = maxAge;
        this.cache = Caffeine.newBuilder().maximumSize(maxEntries).expireAfter(new UntilExpiry()).build();
        this.reused = Counter.builder("clusterbridge.token.verifications").tag("result", "reused")
                .description("Bearer tokens accepted from the cache of verified tokens").register(registry);
        this.verified = Counter.builder("clusterbridge.token.verifications").tag("result", "verified")
                .description("Bearer tokens verified (signature and claims) and accepted").register(registry);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Verified kept = cache.getIfPresent(token);
        if (kept != null && Instant.now().isBefore(kept.until())) {
            reused.increment();
            return kept.jwt();
        }
        JsonWebToken jwt = parser.parse(token);
        verified.increment();
        Instant until = until(jwt);
        if (until != null) {
            cache.put(token, new Verified(jwt, until));
        }
        return jwt;
    }

    /** How long a verified token may be reused: the configured age, cut at its expiry; null for no reuse. */
    private Instant until(JsonWebToken jwt) {
        if (jwt.getExpirationTime() <= 0) {
            return null;
        }
        Instant latest = Instant.now().plus(maxAge);
        Instant expiry = Instant.ofEpochSecond(jwt.getExpirationTime());
        return expiry.isBefore(latest) ? expiry : latest;
    }

    private record Verified(JsonWebToken jwt, Instant until) {
    }

    /** Each entry lives until its own end: the token's expiry or the maximum age, whichever comes first. */
    private static final class UntilExpiry implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String token, Verified entry, long currentTime) {
            return Math.max(0, Duration.between(Instant.now(), entry.until()).toNanos());
        }

        @Override
        public long expireAfterUpdate(String token, Verified entry, long currentTime, long currentDuration) {
            return expireAfterCreate(token, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Verified entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}

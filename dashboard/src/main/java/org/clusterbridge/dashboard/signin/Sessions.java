package org.clusterbridge.dashboard.signin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signed-in browsers, by the random id in their session cookie. A session ends after the idle timeout or at sign-out;
 * a restart of the dashboard ends them all (people sign in again).
 */
@ApplicationScoped
public class Sessions {

    public static final String COOKIE = "cb_session";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Bounds the memory a flood of sign-ins can take; the oldest idle sessions go first. */
    private static final int MAX_SESSIONS = 10_000;

    /** Who signed in and when the session was last used. */
    public record Session(String user, Instant lastSeen) {
    }

    private final SignInConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Sessions(SignInConfig config) {
        this.config = config;
    }

    /** A new session for {@code user}; returns its id for the cookie. */
    public String open(String user) {
        if (sessions.size() >= MAX_SESSIONS) {
            expire();
            sessions.entrySet().stream().min(Map.Entry.comparingByValue(
                    java.util.Comparator.comparing(Session::lastSeen))).ifPresent(e -> sessions.remove(e.getKey()));
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        sessions.put(id, new Session(user, clock.instant()));
        return id;
    }

    /** The live session with this id, touched; empty when there is none or it timed out. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (session.lastSeen().plus(config.idleTimeout()).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(session.user(), now);
        sessions.put(id, touched);
        return Optional.of(touched);
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private void expire() {
        Instant limit = clock.instant().minus(config.idleTimeout());
        sessions.entrySet().removeIf(e -> e.getValue().lastSeen().isBefore(limit));
    }

    /** The cookie that carries a session: HttpOnly (no script reads it), SameSite=Lax, for the whole site. */
    public jakarta.ws.rs.core.NewCookie cookie(String id) {
        return new jakarta.ws.rs.core.NewCookie.Builder(COOKIE).value(id).path("/").httpOnly(true)
                .secure(config.secureCookie()).sameSite(jakarta.ws.rs.core.NewCookie.SameSite.LAX).build();
    }

    /** The cookie that removes the session cookie. */
    public jakarta.ws.rs.core.NewCookie removal() {
        return new jakarta.ws.rs.core.NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true)
                .secure(config.secureCookie()).sameSite(jakarta.ws.rs.core.NewCookie.SameSite.LAX).maxAge(0).build();
    }
}

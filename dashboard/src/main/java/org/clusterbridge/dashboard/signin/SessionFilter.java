package org.clusterbridge.dashboard.signin;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.clusterbridge.dashboard.pages.Visitor;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Every page but the sign-in itself needs a session: a browser without one is sent to sign in (pages) or answered
 * 401 (data and live updates), and sees no registry data either way. With an identity provider, the session is
 * quarkus-oidc's (its encrypted, HttpOnly cookie) and signing in is the provider's own login page; on the local
 * stack, it is the dashboard's own cookie opened by the one-time link.
 */
public class SessionFilter {

    private static final Set<String> OPEN = Set.of("sign-in", "sign-out");

    private final Sessions sessions;
    private final Visitor visitor;
    private final IdentityProvider provider;
    private final SecurityIdentity identity;

    SessionFilter(Sessions sessions, Visitor visitor, IdentityProvider provider, SecurityIdentity identity) {
        this.sessions = sessions;
        this.visitor = visitor;
        this.provider = provider;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Optional<Response> requireSession(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceAll("^/+", "");
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        if (OPEN.contains(first)) {
            return Optional.empty();
        }
        boolean page = "GET".equals(request.getMethod()) && request.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
        if (provider.enabled()) {
            if (!identity.isAnonymous()) {
                visitor.signedIn(identity.getPrincipal().getName());
                return Optional.empty();
            }
            if (page) {
                // quarkus-oidc answers with its challenge: a redirect to the provider's login page, back here after.
                throw new UnauthorizedException();
            }
            return Optional.of(notSignedIn());
        }
        Cookie cookie = request.getCookies().get(Sessions.COOKIE);
        Optional<Sessions.Session> session = sessions.find(cookie == null ? null : cookie.getValue());
        if (session.isPresent()) {
            visitor.signedIn(session.get().user());
            return Optional.empty();
        }
        if (page) {
            String target = request.getUriInfo().getRequestUri().getRawPath();
            String query = request.getUriInfo().getRequestUri().getRawQuery();
            String next = target + (query == null ? "" : "?" + query);
            return Optional.of(Response.seeOther(URI.create("/sign-in?next=" + java.net.URLEncoder.encode(next,
                    java.nio.charset.StandardCharsets.UTF_8) + (cookie == null ? "" : "&expired=true")))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
        }
        return Optional.of(notSignedIn());
    }

    private static Response notSignedIn() {
        return Response.status(Response.Status.UNAUTHORIZED).type("application/problem+json")
                .entity("{\"type\":\"https://clusterbridge.org/problems/unauthorized\",\"title\":\"Not signed in\","
                        + "\"status\":401,\"detail\":\"sign in to the dashboard first\"}")
                .build();
    }
}

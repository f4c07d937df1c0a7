package org.clusterbridge.dashboard.signin;

import java.net.URI;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.clusterbridge.dashboard.pages.Templates;
import org.clusterbridge.dashboard.pages.Visitor;

/**
 * The sign-in page (no registry data on it), the one-time link that opens a session, and sign-out. After signing
 * in, the browser goes back to the page it first asked for, if that was one of the dashboard's own pages.
 */
@Path("/")
public class SignInResource {

    private final SignInLink link;
    private final Sessions sessions;
    private final Visitor visitor;
    private final IdentityProvider provider;

    SignInResource(SignInLink link, Sessions sessions, Visitor visitor, IdentityProvider provider) {
        this.link = link;
        this.sessions = sessions;
        this.visitor = visitor;
        this.provider = provider;
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@QueryParam("secret") String secret, @QueryParam("next") String next,
            @QueryParam("expired") boolean expired) {
        if (secret != null) {
            if (!provider.enabled() && link.redeem(secret)) {
                return Response.seeOther(URI.create(local(next))).cookie(sessions.cookie(sessions.open("local-link")))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            }
            return page(Response.Status.FORBIDDEN, next, true, false);
        }
        return page(Response.Status.OK, next, false, expired);
    }

    /** On the local stack; with an identity provider, quarkus-oidc takes this path (it ends the provider's session too). */
    @POST
    @Path("sign-out")
    public Response signOut(@CookieParam(Sessions.COOKIE) String session) {
        sessions.close(session);
        return Response.seeOther(URI.create("/sign-in")).cookie(sessions.removal()).build();
    }

    private Response page(Response.Status status, String next, boolean refused, boolean expired) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Templates.signIn(visitor.language(), local(next), refused, expired,
                        link.enabled() && !provider.enabled(), provider.enabled())
                        .setLocale(visitor.locale()).render())
                .build();
    }

    /** Only a path of this site, never another site's address (no open redirect). */
    static String local(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.startsWith("/sign-")) {
            return "/";
        }
        return next;
    }
}

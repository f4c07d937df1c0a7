package org.clusterbridge.api.security;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.api.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * 401 and 403 as problems. The body says which case it is and never why a token was refused in detail
 * (expired, wrong key, wrong issuer look alike to the caller; the service log tells them apart at DEBUG).
 */
public class SecurityProblems {

    static final String CHALLENGE = "Bearer realm=\"clusterbridge\"";

    @ServerExceptionMapper
    public Response missing(UnauthorizedException e, UriInfo uri) {
        return unauthorized("this resource needs a bearer token in the Authorization header", CHALLENGE, uri);
    }

    @ServerExceptionMapper
    public Response refused(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("the bearer token was refused: it is malformed, expired, not signed by a trusted key or "
                + "from another issuer", CHALLENGE + ", error=\"invalid_token\"", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        Problem problem = new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "the token is valid but lacks the role this request needs", path(uri), List.of());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response unauthorized(String detail, String challenge, UriInfo uri) {
        Problem problem = new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401, detail, path(uri),
                List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}

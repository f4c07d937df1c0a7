package org.clusterbridge.mou.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.api.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Quarkus REST maps {@link MismatchedInputException} (unknown enum values, unreadable dates) with a built-in
 * mapper that is more specific than the shared one and answers plain JSON; this sends it to the shared
 * problem mapping instead.
 */
public class JsonInputProblems {

    private final ProblemMappers mappers = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return mappers.json(e, uri);
    }
}

package org.clusterbridge.cluster.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.api.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Quarkus REST ships its own mapper for {@link MismatchedInputException} (a JSON array where an object belongs,
 * an enum value that does not exist ...) answering an empty 400; this one routes it to the shared problem
 * mapping so the client learns which field is wrong.
 */
public class JsonInputProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.json(e, uri);
    }
}

package org.clusterbridge.funding.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.api.Problem;
import org.clusterbridge.api.ProblemException;
import org.clusterbridge.api.ProblemMappers;
import org.clusterbridge.funding.domain.InvalidFigureException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A figure breaking the domain's rules is a 400 naming the fields. */
public class FigureProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response invalid(InvalidFigureException e, UriInfo uri) {
        return problems.problem(ProblemException.invalid(e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message())).toList()), uri);
    }
}

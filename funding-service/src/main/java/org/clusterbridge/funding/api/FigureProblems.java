package org.clusterbridge.funding.api;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.api.Problem;
import org.clusterbridge.api.ProblemException;
import org.clusterbridge.funding.domain.InvalidFigureException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** A figure breaking the domain's rules, or a body of the wrong shape, is a 400 naming the fields. */
public class FigureProblems {

    @ServerExceptionMapper
    public Response invalid(InvalidFigureException e, UriInfo uri) {
        return respond(ProblemException.invalid(e.violations().stream()
                .map(v -> new Problem.FieldError(v.field(), v.message())).toList()), uri);
    }

    /**
     * Quarkus REST maps {@link MismatchedInputException} itself (as plain JSON) before the shared mapper of its
     * superclass is consulted; this keeps unknown fields, unknown enum values and wrong types problem+json.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = pointer(e);
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field; known fields: " + unknown.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "unknown value \"" + format.getValue() + "\"; allowed: " + Arrays
                    .stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException format) {
            message = "cannot read \"" + format.getValue() + "\" as "
                    + (format.getTargetType() == null ? "the expected type" : describe(format.getTargetType()));
        } else {
            message = "has the wrong type or shape";
        }
        if (field.equals("body")) {
            return respond(new ProblemException(400, "malformed-json", "Malformed JSON",
                    "the body is not valid JSON for this resource", List.of(new Problem.FieldError(field, message))), uri);
        }
        return respond(ProblemException.invalid(field, message), uri);
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return type == java.util.UUID.class ? "a UUID" : "a " + type.getSimpleName();
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static Response respond(ProblemException problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.toProblem("/" + uri.getPath().replaceFirst("^/", ""))).build();
    }
}

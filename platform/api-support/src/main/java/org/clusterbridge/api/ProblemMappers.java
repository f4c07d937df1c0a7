package org.clusterbridge.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.api.Problem.FieldError;
import org.clusterbridge.rules.DomainException;
import org.clusterbridge.rules.Violation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into an RFC 9457 problem. Client mistakes get a 4xx naming the field; anything else is a
 * 500 whose body names no class, stack or internal detail (the log has them).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    /** The one place where a domain rule's refusal becomes a problem, its violations the {@code errors[]}. */
    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return respond(problem(e, path(uri)));
    }

    static Problem problem(DomainException e, String instance) {
        List<FieldError> errors = e.violations().stream()
                .map(violation -> new FieldError(violation.field(), violation.message())).toList();
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_PERMITTED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case STALE_VERSION -> 412;
            case UNPROCESSABLE -> 422;
        };
        String title = e.title() != null ? e.title() : switch (e.kind()) {
            case INVALID -> "The request is invalid";
            case NOT_PERMITTED -> "Forbidden";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
            case STALE_VERSION -> "Precondition failed";
            case UNPROCESSABLE -> "The request cannot be applied";
        };
        return new Problem(Problem.TYPE_BASE + e.code(), title, status, e.getMessage(), instance, errors);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(field(violation), violation.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return respond(problem(DomainException.invalid(errors.stream()
                .map(error -> new Violation(error.field(), error.message())).toList()), path(uri)));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e, path(uri)));
    }

    /** Quarkus REST has a mapper of its own for this subtype; ours must be at least as specific. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return respond(jsonProblem(json, path(uri)));
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "request to %s failed", path(uri));
            return respond(internal(path(uri)));
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Request failed" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no resource at " + path(uri);
            case 406 -> "no media type the Accept header names is one this resource answers in (lists answer "
                    + "application/json, text/csv and application/x-ndjson; the OpenAPI document names each "
                    + "operation's)";
            default -> title;
        };
        if (status != 406 && e.getMessage() != null && !e.getMessage().startsWith("HTTP ")) {
            detail = e.getMessage();
        }
        return respond(new Problem(Problem.TYPE_BASE + slug(title), title, status, detail, path(uri), List.of()));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "request to %s failed", path(uri));
        return respond(internal(path(uri)));
    }

    static Problem jsonProblem(JsonProcessingException e, String instance) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return problem(DomainException.invalid(pointer(unknown), "unknown field; known fields: "
                    + unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                            .collect(Collectors.joining(", "))), instance);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return problem(DomainException.invalid(pointer(format), "unknown value " + quote(format.getValue())
                    + "; allowed: " + Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", "))), instance);
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() == String.class) {
            return problem(DomainException.invalid(pointer(format), format.getOriginalMessage()), instance);
        }
        if (e instanceof InvalidFormatException format) {
            return problem(DomainException.invalid(pointer(format), "cannot read " + quote(format.getValue()) + " as "
                    + describe(format.getTargetType())), instance);
        }
        if (e instanceof DatabindException databind && databind instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            Throwable cause = mapping.getCause();
            String message = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    ? cause.getMessage()
                    : "has the wrong type or shape";
            return problem(DomainException.invalid(pointer(mapping), message), instance);
        }
        // A parser's message is about characters and positions; a binding message names Java types, which stay
        // inside.
        String detail = e instanceof StreamReadException
                ? "the body is not valid JSON: " + e.getOriginalMessage()
                : "the body is JSON of the wrong shape for this resource: " + shapeOf(e);
        return new Problem(Problem.TYPE_BASE + "malformed-json", "Malformed JSON", 400, detail, instance, List.of());
    }

    private static String shapeOf(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && mismatch.getPath().isEmpty()) {
            return "expected " + describe(mismatch.getTargetType());
        }
        return "see the OpenAPI document at /q/openapi";
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

    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            String name = node.getName();
            if (node.getKind() == ElementKind.PARAMETER) {
                // A body parameter's own name says nothing to the client; a query parameter's name does.
                names.add("#" + name);
                continue;
            }
            if (node.getIndex() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "[" + node.getIndex() + "]");
            } else if (node.getKey() != null && !names.isEmpty()) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "." + node.getKey());
            }
            if (name != null && !name.startsWith("<")) {
                names.add(name);
            }
        }
        List<String> visible = names.stream().filter(name -> !name.startsWith("#")).toList();
        if (!visible.isEmpty()) {
            return String.join(".", visible).replace(".[", "[");
        }
        return names.isEmpty() ? "body" : names.get(names.size() - 1).substring(1);
    }

    private static Problem internal(String instance) {
        return new Problem(Problem.TYPE_BASE + "internal-error", "Internal error", 500,
                "the request could not be completed; it changed nothing", instance, List.of());
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String quote(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }
}

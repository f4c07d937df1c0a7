package org.clusterbridge.system;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.clusterbridge.system.Http.Reply;

/**
 * What every refusal must look like: an RFC 9457 problem whose status and title match the answer, and which tells
 * nothing of the service's insides (no stack trace, no class or package names).
 */
public final class Problems {

    /** Text that only a stack trace or an internal class name puts in a body. */
    public static final List<String> INTERNAL_NAMES = List.of("org.clusterbridge", "java.", "jakarta.",
            "com.fasterxml", "io.quarkus", "Exception", "\tat ", "\\tat ");

    private Problems() {
    }

    /** The first internal name the body of a 4xx or 5xx answer gives away, if any. */
    public static Optional<String> leak(Reply reply) {
        if (reply.status() < 400 || reply.body() == null) {
            return Optional.empty();
        }
        return INTERNAL_NAMES.stream().filter(reply.body()::contains).findFirst();
    }

    /**
     * Null when the answer is a 4xx problem with matching status and a title that gives nothing away (a 413 may
     * have any body that gives nothing away); otherwise what is wrong with it.
     */
    public static String verdict(Reply reply) {
        Optional<String> leak = leak(reply);
        if (leak.isPresent()) {
            return "status " + reply.status() + ": the body shows '" + leak.get().replace("\t", "\\t")
                    + "' (a stack trace or an internal name): " + Http.abbreviate(reply.body());
        }
        if (reply.status() == 413) {
            return null;
        }
        if (reply.status() < 400 || reply.status() >= 500) {
            return "status " + reply.status() + " " + Http.abbreviate(reply.body());
        }
        return problemVerdict(reply, reply.status());
    }

    /** Null when the answer is a problem of status {@code status} that gives nothing away. */
    public static String problemVerdict(Reply reply, int status) {
        if (reply.status() != status) {
            return "status " + reply.status() + " instead of " + status + ": " + Http.abbreviate(reply.body());
        }
        Optional<String> leak = leak(reply);
        if (leak.isPresent()) {
            return "the body shows '" + leak.get().replace("\t", "\\t") + "': " + Http.abbreviate(reply.body());
        }
        if (!reply.isProblem()) {
            return "status " + reply.status() + " with content type " + reply.contentType() + " "
                    + Http.abbreviate(reply.body());
        }
        try {
            JsonNode problem = Http.JSON.readTree(reply.body());
            if (problem.path("status").asInt() != reply.status() || problem.path("title").asText().isBlank()) {
                return "problem without matching status and title: " + Http.abbreviate(reply.body());
            }
        } catch (IOException e) {
            return "problem body is not JSON: " + Http.abbreviate(reply.body());
        }
        return null;
    }
}

package org.clusterbridge.dashboard.registry;

import java.util.Optional;
import java.util.function.Function;

/**
 * What one call to a service gave: its value, or why there is none (the service is down, refused the dashboard, or
 * has no such thing), so that a page shows the rest and says which data is missing.
 *
 * @param value   the value, null when missing
 * @param service the service asked
 * @param status  the HTTP status, 0 when the service could not be reached
 */
public record Fetched<T>(T value, Service service, int status) {

    public static <T> Fetched<T> of(T value, Service service) {
        return new Fetched<>(value, service, 200);
    }

    public static <T> Fetched<T> missing(Service service, int status) {
        return new Fetched<>(null, service, status);
    }

    public boolean present() {
        return value != null;
    }

    /** True when the service answered that the thing does not exist. */
    public boolean notFound() {
        return status == 404;
    }

    public Optional<T> optional() {
        return Optional.ofNullable(value);
    }

    public <R> Fetched<R> map(Function<T, R> mapper) {
        return value == null ? missing(service, status) : new Fetched<>(mapper.apply(value), service, status);
    }

    public T orElse(T other) {
        return value == null ? other : value;
    }
}

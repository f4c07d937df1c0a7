package org.clusterbridge.dashboard.pages;

import java.util.function.Function;

import org.clusterbridge.dashboard.registry.Service;

/** A page cannot be shown at all because the service that holds its main data did not answer. */
public class ServiceDownException extends RuntimeException {

    private final transient Service service;
    private final transient Function<Messages, String> what;

    public ServiceDownException(Service service, Function<Messages, String> what) {
        super(service.label() + " did not answer");
        this.service = service;
        this.what = what;
    }

    public Service service() {
        return service;
    }

    /** What is missing, in the words of {@code words}. */
    public String what(Messages words) {
        return what.apply(words);
    }
}

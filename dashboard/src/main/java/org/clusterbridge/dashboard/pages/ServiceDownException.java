package org.clusterbridge.dashboard.pages;

import org.clusterbridge.dashboard.registry.Service;

/** A page cannot be shown at all because the service that holds its main data did not answer. */
public class ServiceDownException extends RuntimeException {

    private final transient Service service;
    private final String what;

    public ServiceDownException(Service service, String what) {
        super(service.label() + " did not answer for " + what);
        this.service = service;
        this.what = what;
    }

    public Service service() {
        return service;
    }

    public String what() {
        return what;
    }
}

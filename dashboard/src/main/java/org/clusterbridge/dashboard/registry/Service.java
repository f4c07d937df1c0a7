package org.clusterbridge.dashboard.registry;

/** The three services the dashboard reads, by the names pages use when a service's data is missing. */
public enum Service {
    CLUSTERS("cluster-service"), AGREEMENTS("mou-service"), FUNDING("funding-service");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    String baseUrl(RegistryConfig config) {
        return switch (this) {
            case CLUSTERS -> config.clusterService();
            case AGREEMENTS -> config.mouService();
            case FUNDING -> config.fundingService();
        };
    }
}

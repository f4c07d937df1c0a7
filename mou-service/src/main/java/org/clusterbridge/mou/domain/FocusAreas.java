package org.clusterbridge.mou.domain;

import java.util.List;

/** The focus-area codes of cluster-service's taxonomy. */
public final class FocusAreas {

    public static final List<String> CODES = List.of("biological-diagnostics", "diagnostic-interventional-imaging",
            "regenerative-medicine", "biomaterials", "digital-health", "translational-medicine", "medical-devices",
            "pharmaceuticals", "active-pharmaceutical-ingredients", "biotechnology", "nursing-care-welfare-devices");

    private FocusAreas() {
    }

    public static boolean known(String code) {
        return CODES.contains(code);
    }
}

package org.clusterbridge.mou.api;

import java.util.Map;
import java.util.UUID;

public record SignatoryRepresentation(String name, String nativeName, String title, UUID clusterId,
        Map<String, String> clusterNames) {
}

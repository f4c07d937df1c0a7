package org.clusterbridge.dashboard.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The names of the codes the pages show: focus areas (cluster-service) and indicators (funding-service). They
 * change with a release, not with the data, so they are kept a few minutes; a service that is down gives the
 * codes themselves.
 */
@ApplicationScoped
public class Catalogues {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private final RegistryClient registry;
    private volatile Map<String, Text> focusAreas = Map.of();
    private volatile Map<String, Text> indicators = Map.of();
    private volatile Instant focusAreasRead = Instant.EPOCH;
    private volatile Instant indicatorsRead = Instant.EPOCH;

    Catalogues(RegistryClient registry) {
        this.registry = registry;
    }

    /** Code -> names of every focus area. */
    public Map<String, Text> focusAreas() {
        if (focusAreasRead.plus(KEEP).isBefore(Instant.now()) || focusAreas.isEmpty()) {
            registry.getNow(Service.CLUSTERS, "/api/focus-areas").optional().ifPresent(node -> {
                focusAreas = codes(node);
                focusAreasRead = Instant.now();
            });
        }
        return focusAreas;
    }

    /** Code -> names of every indicator. */
    public Map<String, Text> indicators() {
        if (indicatorsRead.plus(KEEP).isBefore(Instant.now()) || indicators.isEmpty()) {
            registry.getNow(Service.FUNDING, "/api/indicators").optional().ifPresent(node -> {
                indicators = codes(node);
                indicatorsRead = Instant.now();
            });
        }
        return indicators;
    }

    public Text focusArea(String code) {
        return focusAreas().getOrDefault(code, Text.plain(code));
    }

    public Text indicator(String code) {
        return indicators().getOrDefault(code, Text.plain(code));
    }

    private static Map<String, Text> codes(JsonNode list) {
        Map<String, Text> names = new LinkedHashMap<>();
        list.forEach(entry -> names.put(Json.text(entry, "code"), Text.of(entry.get("names"))));
        return Map.copyOf(names);
    }
}

package org.clusterbridge.cluster.domain;

import java.util.Map;

/** One entry of the focus-area taxonomy: a kebab-case code and its names. */
public record FocusArea(String code, Map<String, String> names) {
}

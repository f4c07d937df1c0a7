package org.clusterbridge.mou.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A party to an agreement: a cluster, or an alliance whose member clusters listed in {@code coSigners} sign
 * for it.
 */
public record Party(UUID clusterId, List<UUID> coSigners) {

    public Party {
        // Not List.copyOf: a null element must reach the rules, which name it.
        coSigners = coSigners == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(coSigners));
    }
}

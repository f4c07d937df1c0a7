package org.clusterbridge.mou.domain;

import java.util.UUID;

/** A person who signed, for the party or co-signing cluster {@code clusterId}. */
public record Signatory(String name, String nativeName, String title, UUID clusterId) {
}

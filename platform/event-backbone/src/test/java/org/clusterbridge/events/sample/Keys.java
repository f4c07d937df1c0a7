package org.clusterbridge.events.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Aggregate ids for tests that write many aggregates to several stores. */
public final class Keys {

    private Keys() {
    }

    public static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    public static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}

package org.clusterbridge.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of the run (scenarios, fault results, hostile-input counts): printed when they are measured and
 * again, together, when the run ends.
 */
public final class Report {

    private static final List<String> LINES = new ArrayList<>();
    private static final long STARTED = System.nanoTime();

    private Report() {
    }

    public static synchronized void line(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        LINES.add(line);
        System.out.println("[system-tests] " + line);
    }

    static synchronized void printSummary() {
        System.out.println();
        System.out.println("=== ClusterBridge system tests: figures of this run ===");
        LINES.forEach(line -> System.out.println("  " + line));
        System.out.printf(Locale.ROOT, "  suite time (stack start to end): %.1f s%n", (System.nanoTime() - STARTED) / 1e9);
        System.out.println("=======================================================");
    }
}

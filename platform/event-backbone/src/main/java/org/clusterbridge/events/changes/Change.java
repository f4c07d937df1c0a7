package org.clusterbridge.events.changes;

/** An event of a stream with the cursor just after it, from which a client resumes without it. */
public record Change(ChangeEvent event, ChangeCursor after) {
}

package org.clusterbridge.events.changes;

/** A cursor the feed did not give out, or one for partitions or offsets its topic does not have. */
public class InvalidCursorException extends RuntimeException {

    /** {@code reason} completes "the cursor ...". */
    public InvalidCursorException(String reason) {
        super(reason);
    }
}

package org.clusterbridge.events.changes;

/** The feed cannot answer now (Kafka unreachable, every stream slot taken); the client may retry later. */
public class ChangeFeedUnavailableException extends RuntimeException {

    /** What the problem type says: {@code change-feed-unavailable} or {@code too-many-change-streams}. */
    private final String code;

    public ChangeFeedUnavailableException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}

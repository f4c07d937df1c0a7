package org.clusterbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every service's change feed promises: readers only, and a write through the service's API comes out as its
 * event, from this service, about the aggregate written. A service's test names how it writes.
 */
public abstract class ChangeFeedContract {

    private final String source;
    private final String typePrefix;

    /**
     * @param source the service's CloudEvents source ({@code /cluster-service})
     * @param typePrefix the first event type of what {@link #write()} writes, or its prefix
     */
    protected ChangeFeedContract(String source, String typePrefix) {
        this.source = source;
        this.typePrefix = typePrefix;
    }

    /** Writes one aggregate through the service's API and returns its id. */
    protected abstract String write();

    @Test
    void theFeedNeedsAReaderToken() {
        ChangeFeeds.assertItNeedsAReaderToken();
    }

    @Test
    void aWriteIsInTheFeedAsItsEvent() {
        String id = write();
        JsonNode event = ChangeFeeds.awaitEventAbout(id);
        assertThat(event.path("type").asText()).startsWith(typePrefix);
        assertThat(event.path("source").asText()).isEqualTo(source);
        assertThat(event.path("data").path("id").asText()).isEqualTo(id);
    }
}

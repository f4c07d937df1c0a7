package org.clusterbridge.events.views;

/**
 * A view kept from the events of one incoming channel. Rebuilding clears it and replays the channel's topic
 * from the beginning; the version gate makes the replay converge to the same state.
 */
public interface RebuildableView {

    /** The incoming channel (by convention named after its topic) that feeds this view. */
    String channel();

    /** Removes everything the view holds, including its version gate. */
    void clear();
}

package org.clusterbridge.events.views;

/**
 * What an {@link InboundView} reads and where it keeps its version gate.
 *
 * @param name the view's name: the key of its version gate and the {@code view} tag of its metrics
 * @param channel the incoming channel (named after its topic) that feeds it
 * @param aggregate the aggregate whose events it takes: {@code cluster} takes {@code clusterbridge.cluster.*}
 * @param dataType the record each event's {@code data} is read as
 * @param gate the version gate of the view's store
 */
public record ViewSpec<T, W>(String name, String channel, String aggregate, Class<T> dataType,
        Class<? extends ViewGate<W>> gate) {
}

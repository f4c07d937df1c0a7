package org.clusterbridge.events.changes;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the change feed and the cursor to ask for the next. */
@Schema(name = "ChangePage", requiredProperties = { "items", "next" })
public record ChangePage(
        @Schema(description = "the service's events after the cursor, in topic order (each aggregate's in the "
                + "order they happened); empty when nothing is new")
        List<ChangeEvent> items,
        @Schema(description = "opaque cursor to pass as after for the following page; the same as the one given "
                + "when the page is empty")
        String next) {
}

package org.clusterbridge.mou.api;

import java.time.LocalDate;

import org.clusterbridge.mou.domain.SourceDocument;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document the agreement's data comes from, as served. */
public record SourceDocumentRepresentation(@Schema(required = true) String title, String publisher,
        @Schema(description = "BCP-47 language tag") String language, LocalDate publishedOn, String url) {

    static SourceDocumentRepresentation of(SourceDocument s) {
        return new SourceDocumentRepresentation(s.title(), s.publisher(), s.language(), s.publishedOn(), s.url());
    }
}

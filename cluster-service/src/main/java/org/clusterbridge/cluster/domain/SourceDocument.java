package org.clusterbridge.cluster.domain;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The document a fact was taken from: title as written, publisher, language (BCP-47), date and address. */
public record SourceDocument(
        @NotBlank @Size(max = 500) String title,
        @Size(max = 300) String publisher,
        @Size(max = 20) String language,
        LocalDate publishedOn,
        @Size(max = 1000) String url) {
}

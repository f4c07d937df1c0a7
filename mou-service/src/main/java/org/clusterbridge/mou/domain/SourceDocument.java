package org.clusterbridge.mou.domain;

import java.time.LocalDate;

/** A document the agreement's data comes from: a press release, a signed text. */
public record SourceDocument(String title, String publisher, String language, LocalDate publishedOn, String url) {
}

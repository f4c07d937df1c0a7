package org.clusterbridge.cluster.domain;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.clusterbridge.rules.LanguageTags;

/**
 * A person who leads a cluster: the name in Latin script, the name in its native script (岡野栄之) and the role
 * as multilingual text ({"en": "Chairman of the board", "ja": "理事長"}).
 */
public record Leader(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nativeName,
        @NotNull Map<String, String> role,
        LocalDate since) {

    /** This leader with the role's languages in {@link LanguageTags#inOrder} order. */
    public Leader inLanguageOrder() {
        return new Leader(name, nativeName, LanguageTags.inOrder(role), since);
    }
}

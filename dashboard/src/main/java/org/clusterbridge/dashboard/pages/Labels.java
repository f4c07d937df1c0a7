package org.clusterbridge.dashboard.pages;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/**
 * The words for the registry's closed sets (kinds, statuses, natures, ceremony modes) in the page's language, from
 * {@code messages/labels*.properties}; a code without a word is shown as it is. Templates write
 * {@code {label:of(cluster.kind)}}.
 */
public final class Labels {

    private Labels() {
    }

    @TemplateExtension(namespace = "label")
    static String of(String code) {
        if (code == null) {
            return "";
        }
        return in(code, Arc.container().instance(Visitor.class).get().language());
    }

    /** The word for {@code code} in {@code language}. */
    public static String in(String code, String language) {
        try {
            return ResourceBundle.getBundle("messages.labels", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(code);
        } catch (MissingResourceException e) {
            return code;
        }
    }
}

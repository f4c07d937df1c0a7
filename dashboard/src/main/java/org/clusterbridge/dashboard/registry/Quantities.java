package org.clusterbridge.dashboard.registry;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * A reported number with the words its source used for it ("nearly 400", "over 430", 約 100), in the page's language,
 * from {@code messages/quantities*.properties} ({@code NEARLY=nearly {n}}); an exact number is shown as it is.
 */
public final class Quantities {

    private Quantities() {
    }

    public static String in(String qualifier, String number, String language) {
        if (qualifier == null || qualifier.equals("EXACT") || number == null || number.isEmpty()) {
            return number == null ? "" : number;
        }
        try {
            return ResourceBundle.getBundle("messages.quantities", Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(qualifier).replace("{n}", number);
        } catch (MissingResourceException e) {
            return number;
        }
    }
}

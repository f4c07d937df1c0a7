package org.clusterbridge.dashboard.pages;

import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

/** Country names in the page's language, from the JDK's own locale data ({@code FR} is France, フランス). */
public final class Countries {

    private Countries() {
    }

    public static String name(String code, String language) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.forLanguageTag(language));
        return name == null || name.isBlank() || name.equals(code) ? code : name;
    }

    @TemplateExtension(namespace = "country")
    static String of(String code) {
        return name(code, Arc.container().instance(Visitor.class).get().language());
    }
}

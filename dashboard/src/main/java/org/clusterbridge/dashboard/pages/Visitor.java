package org.clusterbridge.dashboard.pages;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;

/** Who is asking, in which language: the language of the page, its names and its words. */
@RequestScoped
public class Visitor {

    /** The languages the pages are written in; names in other languages fall back to English. */
    public static final List<String> LANGUAGES = List.of("en", "ja");
    public static final String LANGUAGE_COOKIE = "cb_lang";

    private String user;
    private String language = "en";
    private boolean languageChosen;

    public void signedIn(String user) {
        this.user = user;
    }

    public String user() {
        return user;
    }

    public String language() {
        return language;
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** True when this request chose the language with {@code ?lang=} (the choice is then remembered). */
    public boolean languageChosen() {
        return languageChosen;
    }

    void language(String language, boolean chosen) {
        this.language = language;
        this.languageChosen = chosen;
    }

    /** The other language, for the switch. */
    public String otherLanguage() {
        return language.equals("ja") ? "en" : "ja";
    }
}

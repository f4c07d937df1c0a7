package org.clusterbridge.dashboard.pages;

import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The page's language: {@code ?lang=ja} (remembered in a cookie), else the remembered choice, else the browser's
 * Accept-Language, else English.
 */
public class LanguageFilter {

    private final Visitor visitor;

    LanguageFilter(Visitor visitor) {
        this.visitor = visitor;
    }

    @ServerRequestFilter(priority = 100)
    public void chooseLanguage(ContainerRequestContext request) {
        String asked = request.getUriInfo().getQueryParameters().getFirst("lang");
        if (asked != null && Visitor.LANGUAGES.contains(asked)) {
            visitor.language(asked, true);
            return;
        }
        Cookie remembered = request.getCookies().get(Visitor.LANGUAGE_COOKIE);
        if (remembered != null && Visitor.LANGUAGES.contains(remembered.getValue())) {
            visitor.language(remembered.getValue(), false);
            return;
        }
        for (Locale locale : request.getAcceptableLanguages()) {
            if (Visitor.LANGUAGES.contains(locale.getLanguage())) {
                visitor.language(locale.getLanguage(), false);
                return;
            }
        }
        visitor.language("en", false);
    }

    @ServerResponseFilter
    public void rememberLanguage(ContainerResponseContext response) {
        if (visitor.languageChosen()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(Visitor.LANGUAGE_COOKIE)
                    .value(visitor.language()).path("/").maxAge(365 * 24 * 3600)
                    .sameSite(NewCookie.SameSite.LAX).build());
        }
    }
}

package org.clusterbridge.dashboard.pages;

import java.util.List;

import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.dashboard.registry.Fetched;

/**
 * What every page's frame shows: which navigation entry is current, the language and the link that switches it,
 * and which data is missing because a service did not answer.
 */
public record Frame(String current, String language, String otherLanguage, String switchHref, String user,
        List<Missing> missing) {

    /** Data a page could not show, and the service that did not give it. */
    public record Missing(String service, String what) {
    }

    static Frame of(String current, Visitor visitor, UriInfo uri, List<Missing> missing) {
        StringBuilder href = new StringBuilder(uri.getRequestUri().getRawPath()).append("?lang=")
                .append(visitor.otherLanguage());
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("lang")) {
                values.forEach(value -> href.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
            }
        });
        return new Frame(current, visitor.language(), visitor.otherLanguage(), href.toString(), visitor.user(),
                List.copyOf(missing));
    }

    /** The missing parts among {@code fetched}, each named by {@code what}. */
    static List<Missing> missing(Object... fetchedAndWhat) {
        List<Missing> missing = new java.util.ArrayList<>();
        for (int i = 0; i < fetchedAndWhat.length; i += 2) {
            Fetched<?> fetched = (Fetched<?>) fetchedAndWhat[i];
            if (!fetched.present() && !fetched.notFound()) {
                missing.add(new Missing(fetched.service().label(), (String) fetchedAndWhat[i + 1]));
            }
        }
        return missing;
    }

    public boolean isCurrent(String entry) {
        return entry.equals(current);
    }
}

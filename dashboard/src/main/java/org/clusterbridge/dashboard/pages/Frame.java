package org.clusterbridge.dashboard.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.UriInfo;

import org.clusterbridge.dashboard.registry.Fetched;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * What every page's frame shows: which navigation entry is current, the language and the link that switches it,
 * and which data is missing because a service did not answer.
 */
public record Frame(String current, String language, String otherLanguage, String switchHref, String user,
        List<Missing> missing) {

    /** Data a page could not show, in the page's words, and the service that did not give it. */
    public record Missing(String service, String what) {
    }

    /** Data a page could not show, before it is put into the page's language. */
    record Gap(String service, Function<Messages, String> what) {
    }

    static Frame of(String current, Visitor visitor, UriInfo uri, List<Gap> gaps) {
        Messages words = MessageBundles.get(Messages.class, Localized.Literal.of(visitor.language()));
        List<Missing> missing = gaps.stream().map(gap -> new Missing(gap.service(), gap.what().apply(words)))
                .toList();
        StringBuilder href = new StringBuilder(uri.getRequestUri().getRawPath()).append("?lang=")
                .append(visitor.otherLanguage());
        uri.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("lang")) {
                values.forEach(value -> href.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
            }
        });
        return new Frame(current, visitor.language(), visitor.otherLanguage(), href.toString(), visitor.user(),
                missing);
    }

    /** The missing part among {@code fetched}, named by {@code what}. */
    static List<Gap> missing(Fetched<?> fetched, Function<Messages, String> what) {
        List<Gap> gaps = new ArrayList<>();
        if (!fetched.present() && !fetched.notFound()) {
            gaps.add(new Gap(fetched.service().label(), what));
        }
        return gaps;
    }

    static List<Gap> missing(Fetched<?> first, Function<Messages, String> firstWhat, Fetched<?> second,
            Function<Messages, String> secondWhat) {
        List<Gap> gaps = missing(first, firstWhat);
        gaps.addAll(missing(second, secondWhat));
        return gaps;
    }

    static List<Gap> missing(Fetched<?> first, Function<Messages, String> firstWhat, Fetched<?> second,
            Function<Messages, String> secondWhat, Fetched<?> third, Function<Messages, String> thirdWhat) {
        List<Gap> gaps = missing(first, firstWhat, second, secondWhat);
        gaps.addAll(missing(third, thirdWhat));
        return gaps;
    }

    public boolean isCurrent(String entry) {
        return entry.equals(current);
    }
}

package org.clusterbridge.rules;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A cluster named in a path or a parameter by its id (a UUID) or its slug ({@code medicen-paris-region}). Slugs
 * never look like UUIDs, so the text alone says which it is.
 */
public record IdOrSlug(UUID id, String slug) {

    /** Lower-case letters and digits in words joined by '-'. */
    public static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    /** Reads {@code text}: a UUID is an id, anything else a slug. */
    public static IdOrSlug of(String text) {
        String trimmed = text == null ? "" : text.trim();
        try {
            return new IdOrSlug(UUID.fromString(trimmed), null);
        } catch (IllegalArgumentException notUuid) {
            return new IdOrSlug(null, trimmed);
        }
    }

    /** Reads a parameter that must name a cluster; blank text or a malformed slug is invalid. */
    public static IdOrSlug parameter(String field, String text) {
        IdOrSlug key = of(text);
        if (key.id() == null && !SLUG.matcher(key.slug()).matches()) {
            throw DomainException.invalid(field, "must be a cluster id (UUID) or slug");
        }
        return key;
    }

    /** Looks the cluster up with the finder that fits. */
    public <T> Optional<T> find(Function<UUID, Optional<T>> byId, Function<String, Optional<T>> bySlug) {
        return id != null ? byId.apply(id) : bySlug.apply(slug);
    }

    @Override
    public String toString() {
        return id != null ? id.toString() : slug;
    }
}

package org.clusterbridge.dashboard.registry;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A cluster as cluster-service represents it, the parts the pages show. */
public record Cluster(String id, String slug, Text names, String acronym, String kind, String legalForm,
        String country, String region, String city, String foundedOn, String website, Text description,
        List<String> focusAreas, List<Leader> leaders, List<String> memberClusterIds, List<String> allianceIds,
        List<MembershipReport> membershipReports, String status) {

    /** A leader with the name as written in the leader's own script beside it. */
    public record Leader(String name, String nativeName, Text role, String since) {

        static Leader of(JsonNode node) {
            return new Leader(Json.text(node, "name"), Json.text(node, "nativeName"), Text.of(node.get("role")),
                    Json.text(node, "since"));
        }

        /** The native name when it differs from the name. */
        public String nativeShown() {
            return nativeName == null || nativeName.equals(name) ? "" : nativeName;
        }
    }

    /** A report of the membership's size, as of a date, with its source ("nearly 400", "over 430"). */
    public record MembershipReport(String asOf, Long total, String approximation, List<Part> breakdown,
            Source source, String note) {

        static MembershipReport of(JsonNode node) {
            JsonNode total = node.get("total");
            return new MembershipReport(Json.text(node, "asOf"),
                    total == null || total.isNull() ? null : total.asLong(), Json.text(node, "approximation"),
                    Json.list(node, "breakdown", part -> new Part(Json.text(part, "category"),
                            Json.text(part, "approximation"), Json.number(part, "count"))),
                    Source.of(node.get("source")), Json.text(node, "note"));
        }

        /** "nearly 400", "over 430", "238", in {@code language}; empty without a total. */
        public String totalShown(String language) {
            return total == null ? "" : Quantities.in(approximation, String.format(java.util.Locale.ROOT, "%,d", total),
                    language);
        }
    }

    /** One part of a membership report: a category of members and how many. */
    public record Part(String category, String approximation, long count) {

        public String countShown(String language) {
            return Quantities.in(approximation, String.format(java.util.Locale.ROOT, "%,d", count), language);
        }
    }

    public static Cluster of(JsonNode node) {
        return new Cluster(Json.text(node, "id"), Json.text(node, "slug"), Text.of(node.get("names")),
                Json.text(node, "acronym"), Json.text(node, "kind"), Json.text(node, "legalForm"),
                Json.text(node, "country"), Json.text(node, "region"), Json.text(node, "city"),
                foundedOn(node.get("foundedOn")), Json.text(node, "website"), Text.of(node.get("description")),
                Json.strings(node, "focusAreas"), Json.list(node, "leaders", Leader::of),
                Json.strings(node, "memberClusterIds"), Json.strings(node, "allianceIds"),
                Json.list(node, "membershipReports", MembershipReport::of), Json.text(node, "status"));
    }

    private static String foundedOn(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.asText() : Json.text(node, "value");
    }

    /** Where it is: city, region and country, as far as known. */
    public String place() {
        StringBuilder place = new StringBuilder();
        for (String part : new String[] { city, region, country }) {
            if (part != null && !part.isBlank()) {
                place.append(place.isEmpty() ? "" : ", ").append(part);
            }
        }
        return place.toString();
    }

    public boolean linkableWebsite() {
        return website != null && (website.startsWith("https://") || website.startsWith("http://"));
    }
}

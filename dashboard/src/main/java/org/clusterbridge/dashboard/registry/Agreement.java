package org.clusterbridge.dashboard.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** An agreement as mou-service represents it, the parts the pages show. */
public record Agreement(String id, String reference, Text title, Text purpose, String kind, String status,
        List<Party> parties, List<Signatory> signatories, String signedOn, String effectiveFrom, String expiresOn,
        String term, List<String> focusAreas, Ceremony ceremony, List<Source> sources, String notes) {

    /** A cluster (or alliance) that signed, with the member clusters that co-signed through it. */
    public record Party(String clusterId, String slug, Text names, String acronym, String country, String kind,
            List<Party> coSigners) {

        static Party of(JsonNode node) {
            return new Party(Json.text(node, "clusterId"), Json.text(node, "slug"), Text.of(node.get("names")),
                    Json.text(node, "acronym"), Json.text(node, "country"), Json.text(node, "kind"),
                    Json.list(node, "coSigners", Party::of));
        }
    }

    /** Who signed, for which party. */
    public record Signatory(String name, String nativeName, String title, Text clusterNames) {

        static Signatory of(JsonNode node) {
            return new Signatory(Json.text(node, "name"), Json.text(node, "nativeName"), Json.text(node, "title"),
                    Text.of(node.get("clusterNames")));
        }

        public String nativeShown() {
            return nativeName == null || nativeName.equals(name) ? "" : nativeName;
        }
    }

    /** The signing ceremony: online (and on which platform) or in person, its start and end in its time zone. */
    public record Ceremony(String mode, String platform, String place, String start, String end, String timeZone,
            String startsAt, String endsAt) {

        static Ceremony of(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            return new Ceremony(Json.text(node, "mode"), Json.text(node, "platform"), Json.text(node, "place"),
                    Json.text(node, "start"), Json.text(node, "end"), Json.text(node, "timeZone"),
                    Json.text(node, "startsAt"), Json.text(node, "endsAt"));
        }

        /** "2022-03-22 17:00–17:40" (the end's date only when it is another day). */
        public String when() {
            if (start == null) {
                return "";
            }
            String from = start.replace('T', ' ');
            from = from.length() > 16 ? from.substring(0, 16) : from;
            if (end == null) {
                return from;
            }
            String to = end.replace('T', ' ');
            to = to.length() > 16 ? to.substring(0, 16) : to;
            return from + "–" + (to.startsWith(from.substring(0, 10)) ? to.substring(11) : to);
        }

        /** The zone's abbreviation where it has a well-known one (JST), else the zone id. */
        public String zoneShown() {
            if (timeZone == null) {
                return "";
            }
            return switch (timeZone) {
                case "Asia/Tokyo" -> "JST";
                case "Europe/Paris", "Europe/Brussels", "Europe/Berlin", "Europe/Rome" -> "CET";
                default -> timeZone;
            };
        }
    }

    public static Agreement of(JsonNode node) {
        JsonNode term = node.get("term");
        String termShown = null;
        if (term != null && term.isObject()) {
            long years = Json.number(term, "years");
            long months = Json.number(term, "months");
            termShown = (years > 0 ? years + " y" : "") + (months > 0 ? (years > 0 ? " " : "") + months + " m" : "");
        }
        return new Agreement(Json.text(node, "id"), Json.text(node, "reference"), Text.of(node.get("title")),
                Text.of(node.get("purpose")), Json.text(node, "kind"), Json.text(node, "status"),
                Json.list(node, "parties", Party::of), Json.list(node, "signatories", Signatory::of),
                Json.text(node, "signedOn"), Json.text(node, "effectiveFrom"), Json.text(node, "expiresOn"), termShown,
                Json.strings(node, "focusAreas"), Ceremony.of(node.get("signingCeremony")),
                Json.list(node, "sources", Source::of), Json.text(node, "notes"));
    }

    /** Days from {@code today} to the expiry; null without one. */
    public Long daysLeft(LocalDate today) {
        if (expiresOn == null) {
            return null;
        }
        try {
            return java.time.temporal.ChronoUnit.DAYS.between(today, LocalDate.parse(expiresOn));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

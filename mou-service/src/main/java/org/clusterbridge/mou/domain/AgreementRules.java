package org.clusterbridge.mou.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.clusterbridge.rules.LanguageTags;
import org.clusterbridge.rules.Violation;

/**
 * The rules an agreement's details must follow by themselves (the ones needing the cluster view are checked by
 * the service). Each broken rule names the field, as a JSON path of the request.
 */
public final class AgreementRules {

    public static final int MAX_TEXT = 500;
    public static final int MAX_NOTES = 10_000;
    public static final int MAX_PARTIES = 50;
    public static final int MAX_ITEMS = 100;

    private AgreementRules() {
    }

    public static List<Violation> check(AgreementDetails d, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        text(v, "reference", d.reference(), true, 100);
        multilingual(v, "title", d.title(), true);
        multilingual(v, "purpose", d.purpose(), false);
        if (d.kind() == null) {
            v.add(new Violation("kind", "is required"));
        }
        Set<UUID> signers = parties(v, d.parties());
        signatories(v, d.signatories(), signers);
        dates(v, d, today);
        focusAreas(v, d.focusAreas());
        ceremony(v, d.signingCeremony());
        sources(v, d.sources());
        text(v, "notes", d.notes(), false, MAX_NOTES);
        return v;
    }

    public static List<Violation> checkTermination(Termination t, Agreement agreement, LocalDate today) {
        List<Violation> v = new ArrayList<>();
        if (t == null) {
            return List.of(new Violation("body", "is required: {\"date\": ..., \"reason\": ...}"));
        }
        if (t.date() == null) {
            v.add(new Violation("date", "is required"));
        } else if (t.date().isAfter(today)) {
            v.add(new Violation("date", "must not be in the future"));
        } else if (t.date().isBefore(agreement.signedOn())) {
            v.add(new Violation("date", "must not be before the signing date " + agreement.signedOn()));
        }
        text(v, "reason", t.reason(), true, MAX_NOTES);
        return v;
    }

    private static Set<UUID> parties(List<Violation> v, List<Party> parties) {
        Set<UUID> seen = new HashSet<>();
        if (parties == null || parties.size() < 2) {
            v.add(new Violation("parties", "needs at least two distinct parties"));
            if (parties == null) {
                return seen;
            }
        }
        if (parties.size() > MAX_PARTIES) {
            v.add(new Violation("parties", "must have at most " + MAX_PARTIES + " parties"));
            return seen;
        }
        for (int i = 0; i < parties.size(); i++) {
            Party party = parties.get(i);
            if (party == null || party.clusterId() == null) {
                v.add(new Violation("parties[" + i + "].clusterId", "is required"));
                continue;
            }
            if (!seen.add(party.clusterId())) {
                v.add(new Violation("parties[" + i + "].clusterId",
                        "cluster " + party.clusterId() + " is already a party or co-signer of this agreement"));
            }
        }
        for (int i = 0; i < parties.size(); i++) {
            Party party = parties.get(i);
            if (party == null) {
                continue;
            }
            if (party.coSigners().size() > MAX_PARTIES) {
                v.add(new Violation("parties[" + i + "].coSigners", "must have at most " + MAX_PARTIES));
                continue;
            }
            for (int j = 0; j < party.coSigners().size(); j++) {
                UUID coSigner = party.coSigners().get(j);
                String field = "parties[" + i + "].coSigners[" + j + "]";
                if (coSigner == null) {
                    v.add(new Violation(field, "must be a cluster id"));
                } else if (!seen.add(coSigner)) {
                    v.add(new Violation(field,
                            "cluster " + coSigner + " is already a party or co-signer of this agreement"));
                }
            }
        }
        if (parties.size() >= 2 && parties.stream().filter(p -> p != null && p.clusterId() != null)
                .map(Party::clusterId).distinct().count() < 2) {
            v.add(new Violation("parties", "needs at least two distinct parties"));
        }
        return seen;
    }

    private static void signatories(List<Violation> v, List<Signatory> signatories, Set<UUID> signers) {
        if (signatories.size() > MAX_ITEMS) {
            v.add(new Violation("signatories", "must have at most " + MAX_ITEMS));
            return;
        }
        for (int i = 0; i < signatories.size(); i++) {
            Signatory s = signatories.get(i);
            String at = "signatories[" + i + "]";
            if (s == null) {
                v.add(new Violation(at, "must be an object"));
                continue;
            }
            text(v, at + ".name", s.name(), true, MAX_TEXT);
            text(v, at + ".nativeName", s.nativeName(), false, MAX_TEXT);
            text(v, at + ".title", s.title(), false, MAX_TEXT);
            if (s.clusterId() == null) {
                v.add(new Violation(at + ".clusterId", "is required: the party or co-signer signed for"));
            } else if (!signers.contains(s.clusterId())) {
                v.add(new Violation(at + ".clusterId",
                        "cluster " + s.clusterId() + " is not a party or co-signer of this agreement"));
            }
        }
    }

    private static void dates(List<Violation> v, AgreementDetails d, LocalDate today) {
        if (d.signedOn() == null) {
            v.add(new Violation("signedOn", "is required"));
            return;
        }
        if (d.signedOn().isAfter(today)) {
            v.add(new Violation("signedOn", "must not be in the future"));
        }
        if (d.effectiveFrom() != null && d.effectiveFrom().isBefore(d.signedOn())
                && !Boolean.TRUE.equals(d.effectiveBeforeSigning())) {
            v.add(new Violation("effectiveFrom", "is before signedOn " + d.signedOn()
                    + "; set effectiveBeforeSigning to true when the agreement states a retroactive start"));
        }
        Term term = d.term();
        if (term != null) {
            if (d.expiresOn() != null) {
                v.add(new Violation("term", "give either term or expiresOn, not both"));
                return;
            }
            if ((term.years() == null) == (term.months() == null)) {
                v.add(new Violation("term", "give either years or months"));
                return;
            }
            if (term.years() != null && (term.years() < 1 || term.years() > Term.MAX_YEARS)) {
                v.add(new Violation("term.years", "must be between 1 and " + Term.MAX_YEARS));
                return;
            }
            if (term.months() != null && (term.months() < 1 || term.months() > Term.MAX_YEARS * 12)) {
                v.add(new Violation("term.months", "must be between 1 and " + Term.MAX_YEARS * 12));
                return;
            }
        }
        LocalDate expiry = d.expiryDate();
        if (expiry != null && !expiry.isAfter(d.startDate())) {
            v.add(new Violation("expiresOn", "must be after the effective date " + d.startDate()));
        }
    }

    private static void focusAreas(List<Violation> v, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !FocusAreas.known(code)) {
                v.add(new Violation("focusAreas[" + i + "]", "unknown focus area \"" + code + "\"; known: "
                        + String.join(", ", FocusAreas.CODES)));
            } else if (!seen.add(code)) {
                v.add(new Violation("focusAreas[" + i + "]", code + " is listed twice"));
            }
        }
    }

    private static void ceremony(List<Violation> v, SigningCeremony c) {
        if (c == null) {
            return;
        }
        if (c.mode() == null) {
            v.add(new Violation("signingCeremony.mode", "is required: ONLINE or IN_PERSON"));
        }
        text(v, "signingCeremony.platform", c.platform(), false, MAX_TEXT);
        text(v, "signingCeremony.place", c.place(), false, MAX_TEXT);
        if (c.mode() == CeremonyMode.ONLINE && isBlank(c.platform())) {
            v.add(new Violation("signingCeremony.platform", "is required for an online ceremony"));
        }
        if (c.mode() == CeremonyMode.IN_PERSON && isBlank(c.place())) {
            v.add(new Violation("signingCeremony.place", "is required for a ceremony in person"));
        }
        if (c.timeZone() != null) {
            try {
                ZoneId.of(c.timeZone());
            } catch (DateTimeException e) {
                v.add(new Violation("signingCeremony.timeZone",
                        "unknown time zone \"" + c.timeZone() + "\"; use an IANA name such as Asia/Tokyo"));
                return;
            }
        } else if (c.start() != null || c.end() != null) {
            v.add(new Violation("signingCeremony.timeZone", "is required with start or end (IANA name)"));
        }
        if (c.end() != null && c.start() == null) {
            v.add(new Violation("signingCeremony.start", "is required with end"));
        }
        if (c.start() != null && c.end() != null && !c.end().isAfter(c.start())) {
            v.add(new Violation("signingCeremony.end", "must be after start"));
        }
    }

    private static void sources(List<Violation> v, List<SourceDocument> sources) {
        if (sources.size() > MAX_ITEMS) {
            v.add(new Violation("sources", "must have at most " + MAX_ITEMS));
            return;
        }
        for (int i = 0; i < sources.size(); i++) {
            SourceDocument s = sources.get(i);
            String at = "sources[" + i + "]";
            if (s == null) {
                v.add(new Violation(at, "must be an object"));
                continue;
            }
            text(v, at + ".title", s.title(), true, MAX_TEXT);
            text(v, at + ".publisher", s.publisher(), false, MAX_TEXT);
            if (s.language() != null && !LanguageTags.isTag(s.language())) {
                v.add(new Violation(at + ".language", "must be a BCP-47 language tag such as ja or en"));
            }
            if (s.url() != null && !httpUrl(s.url())) {
                v.add(new Violation(at + ".url", "must be an absolute http or https URL"));
            }
        }
    }

    private static void multilingual(List<Violation> v, String field, Map<String, String> text,
            boolean required) {
        if (text == null) {
            if (required) {
                v.add(new Violation(field, "is required, with at least an \"en\" text"));
            }
            return;
        }
        if (isBlank(text.get("en"))) {
            v.add(new Violation(field + ".en", "is required"));
        }
        for (Map.Entry<String, String> entry : text.entrySet()) {
            if (!LanguageTags.isTag(entry.getKey())) {
                v.add(new Violation(field + "." + entry.getKey(), "is not a BCP-47 language tag"));
            } else if (!"en".equals(entry.getKey())) {
                text(v, field + "." + entry.getKey(), entry.getValue(), true, MAX_NOTES);
            } else if (entry.getValue() != null && entry.getValue().length() > MAX_NOTES) {
                v.add(new Violation(field + ".en", "must be at most " + MAX_NOTES + " characters"));
            }
        }
    }

    private static void text(List<Violation> v, String field, String value, boolean required, int max) {
        if (isBlank(value)) {
            if (required) {
                v.add(new Violation(field, "is required"));
            }
        } else if (value.length() > max) {
            v.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

package org.clusterbridge.dashboard.pages;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The dashboard's words in English; {@code messages/msg_ja.properties} has them in Japanese. Templates use them as
 * {@code {msg:nav_overview}}.
 */
@MessageBundle("msg")
public interface Messages {

    @Message("ClusterBridge")
    String app_name();

    @Message("Skip to content")
    String skip();

    @Message("Overview")
    String nav_overview();

    @Message("Network")
    String nav_network();

    @Message("Clusters")
    String nav_clusters();

    @Message("Agreements")
    String nav_agreements();

    @Message("Funding")
    String nav_funding();

    @Message("Data quality")
    String nav_quality();

    @Message("日本語")
    String switch_language();

    @Message("Sign out")
    String sign_out();

    @Message("Sign in")
    String sign_in();

    @Message("Sign in to see the registry. On the local stack, open the link the stack printed at start (it is also in <data>/dashboard.url); each link works once.")
    String sign_in_link_help();

    @Message("That sign-in link was already used or is not valid. The stack writes a new link to <data>/dashboard.url after each use.")
    String sign_in_link_refused();

    @Message("Sign in to see the registry with your ClusterBridge account.")
    String sign_in_provider_help();

    @Message("Continue to sign-in")
    String sign_in_continue();

    @Message("Your session ended. Sign in again.")
    String session_expired();

    @Message("counts and map")
    String what_counts_and_map();

    @Message("expiring agreements")
    String what_expiring_agreements();

    @Message("latest figures")
    String what_latest_figures();

    @Message("the agreements")
    String what_agreements();

    @Message("the funding figures")
    String what_funding_figures();

    @Message("the clusters")
    String what_clusters();

    @Message("the data-quality list")
    String what_data_quality();

    @Message("the network")
    String what_network();

    @Message("the alliances' members")
    String what_alliance_members();

    @Message("the cluster {key}")
    String what_cluster(String key);

    @Message("The filter {name} = \"{value}\" is not valid: it must be {expected}.")
    String invalid_filter(String name, String value, String expected);

    @Message("an ISO 3166-1 alpha-2 code such as FR or JP")
    String expected_country();

    @Message("a code such as medical-devices")
    String expected_code();

    @Message("one of {values}")
    String expected_one_of(String values);

    @Message("at most {max} characters")
    String expected_at_most(int max);

    @Message("a cluster's id or slug")
    String expected_cluster();

    @Message("a whole number from {min} to {max}")
    String expected_number(int min, int max);

    @Message("This page does not take that request method.")
    String not_allowed();

    @Message("This data is missing because {service} did not answer: {what}.")
    String missing(String service, String what);

    @Message("Clusters by country")
    String by_country();

    @Message("Clusters by kind")
    String by_kind();

    @Message("Clusters by focus area")
    String by_focus_area();

    @Message("Map of clusters by country")
    String map_title();

    @Message("Agreements expiring within 180 days")
    String expiring();

    @Message("No agreement expires within 180 days.")
    String expiring_none();

    @Message("Latest figures")
    String latest_figures();

    @Message("Updates by itself when the registry changes.")
    String live_note();

    @Message("Updated {time}")
    String live_updated(String time);

    @Message("clusters")
    String clusters_count();

    @Message("Country")
    String country();

    @Message("Kind")
    String kind();

    @Message("Focus area")
    String focus_area();

    @Message("Status")
    String status();

    @Message("Search")
    String search();

    @Message("Any")
    String any();

    @Message("Filter")
    String filter();

    @Message("Download CSV")
    String download_csv();

    @Message("Name")
    String name();

    @Message("Acronym")
    String acronym();

    @Message("Place")
    String place();

    @Message("{total} found")
    String found(long total);

    @Message("about {total} found (estimate)")
    String found_estimate(long total);

    @Message("Previous")
    String previous();

    @Message("Next")
    String next();

    @Message("Page {page} of {pages}")
    String page_of(int page, int pages);

    @Message("Profile")
    String profile();

    @Message("Leaders")
    String leaders();

    @Message("Members")
    String members();

    @Message("Member of")
    String member_of();

    @Message("Membership reports")
    String membership_reports();

    @Message("As of")
    String as_of();

    @Message("Members reported")
    String members_reported();

    @Message("Source")
    String source();

    @Message("Note")
    String note();

    @Message("Founded")
    String founded();

    @Message("Legal form")
    String legal_form();

    @Message("Website")
    String website();

    @Message("Funding indicators")
    String funding_indicators();

    @Message("Actual")
    String actual();

    @Message("Target")
    String target();

    @Message("Period")
    String period();

    @Message("Value")
    String value();

    @Message("Implausible jump from the previous report")
    String implausible();

    @Message("Conflicting reports")
    String conflicts();

    @Message("Reports of the same period that differ across sources, side by side.")
    String conflicts_help();

    @Message("Agreements on a timeline")
    String timeline();

    @Message("Reference")
    String reference();

    @Message("Title")
    String title();

    @Message("Parties")
    String parties();

    @Message("co-signing through {alliance}")
    String co_signing(String alliance);

    @Message("Signatories")
    String signatories();

    @Message("Signed")
    String signed_on();

    @Message("Expires")
    String expires_on();

    @Message("Term")
    String term();

    @Message("Signing ceremony")
    String ceremony();

    @Message("online")
    String online();

    @Message("in person")
    String in_person();

    @Message("{days} days left")
    String days_left(long days);

    @Message("Expiring within (days)")
    String expiring_within();

    @Message("Indicator")
    String indicator();

    @Message("Nature")
    String nature();

    @Message("Cluster")
    String cluster();

    @Message("Plausibility flags")
    String plausibility_flags();

    @Message("No plausibility flag in the registry.")
    String no_flags();

    @Message("No conflicting reports in the registry.")
    String no_conflicts();

    @Message("Previous report")
    String previous_report();

    @Message("Reported")
    String reported();

    @Message("No funding figures are recorded for this cluster.")
    String no_figures();

    @Message("Nothing matches these filters.")
    String nothing();

    @Message("Not found")
    String not_found();

    @Message("There is no cluster {id} in the registry.")
    String no_cluster(String id);

    @Message("Bad request")
    String bad_request();

    @Message("Back to the overview")
    String back();

    @Message("Nodes are clusters, edges agreements; alliances group their member clusters. Select a cluster to open it.")
    String network_help();

    @Message("{nodes} clusters, {edges} agreements")
    String network_counts(int nodes, int edges);

    @Message("Network of clusters and agreements")
    String network_label();

    @Message("Open the cluster")
    String open_cluster();

    @Message("Figures")
    String figures();

    @Message("Latest actual value by cluster")
    String latest_by_cluster();

    @Message("Series of {indicator}")
    String series_of(String indicator);

    @Message("Something went wrong on our side. The error was logged; try again later.")
    String server_error();
}

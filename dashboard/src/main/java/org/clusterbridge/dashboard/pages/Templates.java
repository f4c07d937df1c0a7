package org.clusterbridge.dashboard.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The dashboard's pages: {@code src/main/resources/templates/<method>.html}, checked at build time. */
@CheckedTemplate
public final class Templates {

    private Templates() {
    }

    public static native TemplateInstance overview(Frame frame, OverviewResource.Overview model);

    public static native TemplateInstance overview$live(Frame frame, OverviewResource.Overview model);

    public static native TemplateInstance network(Frame frame, NetworkResource.NetworkPage model);

    public static native TemplateInstance clusters(Frame frame, ClustersResource.ClustersPage model);

    public static native TemplateInstance cluster(Frame frame, ClusterResource.ClusterPage model);

    public static native TemplateInstance agreements(Frame frame, AgreementsResource.AgreementsPage model);

    public static native TemplateInstance funding(Frame frame, FundingResource.FundingPage model);

    public static native TemplateInstance quality(Frame frame, DataQualityResource.QualityPage model);

    public static native TemplateInstance signIn(String language, String next, boolean refused, boolean expired,
            boolean linkEnabled, boolean provider);

    public static native TemplateInstance problem(String language, int status, String title, String detail);
}

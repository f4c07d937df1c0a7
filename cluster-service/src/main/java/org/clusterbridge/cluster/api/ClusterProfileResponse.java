package org.clusterbridge.cluster.api;

import java.util.List;

import org.clusterbridge.cluster.service.ClusterProfile;
import org.clusterbridge.cluster.service.ClusterProfile.Agreements;
import org.clusterbridge.cluster.service.ClusterProfile.LatestFigure;

/** A cluster's profile as the API returns it: the cluster's representation, its agreements and latest figures. */
public record ClusterProfileResponse(ClusterState cluster, Agreements agreements, List<LatestFigure> latestFigures) {

    public static ClusterProfileResponse of(ClusterProfile profile) {
        return new ClusterProfileResponse(ClusterState.of(profile.cluster()), profile.agreements(),
                profile.latestFigures());
    }
}

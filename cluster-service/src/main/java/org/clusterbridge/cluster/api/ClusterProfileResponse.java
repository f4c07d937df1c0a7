package org.clusterbridge.cluster.api;

import java.util.List;

import org.clusterbridge.cluster.service.ClusterProfile;
import org.clusterbridge.cluster.service.ClusterProfile.Agreements;
import org.clusterbridge.cluster.service.ClusterProfile.LatestFigure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A cluster's profile as the API returns it: the cluster's representation (the stored JSON a read of the cluster
 * answers, sent as it is), its agreements and latest figures.
 */
public record ClusterProfileResponse(@JsonRawValue @Schema(ref = "ClusterState") String cluster,
        Agreements agreements, List<LatestFigure> latestFigures) {

    public static ClusterProfileResponse of(ClusterProfile profile) {
        return new ClusterProfileResponse(profile.cluster().json(), profile.agreements(), profile.latestFigures());
    }
}

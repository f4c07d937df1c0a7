package org.clusterbridge.cluster.domain;

/** The groups a membership-size report breaks its total into. */
public enum MemberCategory {
    STARTUPS_AND_SMES, LARGE_COMPANIES, COMPANIES, ACADEMIC_AND_RESEARCH, HOSPITALS, LOCAL_AUTHORITIES, OTHER
}

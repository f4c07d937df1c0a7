package org.clusterbridge.mou.domain;

public enum CeremonyMode {
    ONLINE, IN_PERSON
}

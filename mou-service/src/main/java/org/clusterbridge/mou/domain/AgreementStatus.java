package org.clusterbridge.mou.domain;

/** Where an agreement stands on a given day: derived from its dates and its termination. */
public enum AgreementStatus {
    /** Signed, not yet effective. */
    SIGNED,
    ACTIVE,
    /** On or after its expiry date. */
    EXPIRED,
    TERMINATED
}

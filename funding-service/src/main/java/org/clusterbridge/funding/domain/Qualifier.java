package org.clusterbridge.funding.domain;

/** How exactly a source states a value: "nearly €21 billion" is NEARLY, "close to €1.9 billion" too. */
public enum Qualifier {
    EXACT,
    APPROXIMATELY,
    NEARLY,
    MORE_THAN
}

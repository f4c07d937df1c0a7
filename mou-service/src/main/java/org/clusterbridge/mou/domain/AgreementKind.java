package org.clusterbridge.mou.domain;

public enum AgreementKind {
    MOU, COOPERATION_AGREEMENT, LETTER_OF_INTENT
}

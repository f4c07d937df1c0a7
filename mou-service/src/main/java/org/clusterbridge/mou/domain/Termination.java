package org.clusterbridge.mou.domain;

import java.time.LocalDate;

public record Termination(LocalDate date, String reason) {
}

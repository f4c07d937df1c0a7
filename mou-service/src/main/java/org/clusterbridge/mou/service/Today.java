package org.clusterbridge.mou.service;

import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The current day in the register's time zone: statuses are derived against it. */
@ApplicationScoped
public class Today {

    private final ZoneId zone;

    Today(@ConfigProperty(name = "clusterbridge.agreements.time-zone", defaultValue = "UTC") ZoneId zone) {
        this.zone = zone;
    }

    public LocalDate date() {
        return LocalDate.now(zone);
    }
}

package org.clusterbridge.mou.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.api.security.Actor;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Records status changes that only the passing of time causes: an agreement becoming effective, or expiring.
 * Safe to run on every instance at once: each change is one version-filtered update, which only one wins.
 */
@ApplicationScoped
public class AgreementStatusCheck {

    private static final Logger LOG = Logger.getLogger(AgreementStatusCheck.class);
    static final int BATCH = 500;
    /** The actor of the changes the check records: no caller asked for them. */
    static final Actor ACTOR = Actor.service("mou-service");

    private final AgreementService service;
    private final Today today;

    AgreementStatusCheck(AgreementService service, Today today) {
        this.service = service;
        this.today = today;
    }

    @Scheduled(identity = "agreement-status-check", every = "${clusterbridge.agreements.status-check.every}",
            delayed = "${clusterbridge.agreements.status-check.delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int changed = run(today.date());
        if (changed > 0) {
            LOG.infof("recorded the status change of %d agreements", changed);
        }
    }

    /** Records every change due on {@code day}; returns how many this instance recorded. */
    public int run(java.time.LocalDate day) {
        int total = 0;
        int changed;
        do {
            changed = service.restate(day, BATCH, ACTOR);
            total += changed;
        } while (changed == BATCH);
        return total;
    }
}

package org.clusterbridge.cluster.events;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.postgresql.PostgresViewGate;
import org.clusterbridge.events.postgresql.PostgresViewGate.Write;
import org.clusterbridge.events.views.InboundView;
import org.clusterbridge.events.views.ViewEvents;
import org.clusterbridge.events.views.ViewSpec;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps, from agreement-events, every agreement and the clusters it involves (parties and co-signing members),
 * so a cluster's profile lists its agreements without asking mou-service.
 */
@ApplicationScoped
public class AgreementViews implements InboundView<AgreementState, Write> {

    public static final String VIEW = "cluster-agreements";
    private static final ViewSpec<AgreementState, Write> SPEC = new ViewSpec<>(VIEW, EventTopics.AGREEMENT_EVENTS,
            "agreement", AgreementState.class, PostgresViewGate.class);

    private final ViewEvents viewEvents;

    AgreementViews(ViewEvents viewEvents) {
        this.viewEvents = viewEvents;
    }

    @Incoming(EventTopics.AGREEMENT_EVENTS)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return viewEvents.consume(batch, List.of(this));
    }

    @Override
    public ViewSpec<AgreementState, Write> spec() {
        return SPEC;
    }

    @Override
    public String lacks(CloudEvent event, AgreementState agreement) {
        boolean complete = agreement.id() != null && agreement.reference() != null && agreement.title() != null
                && agreement.kind() != null && agreement.status() != null && agreement.parties() != null
                && agreement.parties().stream().allMatch(p -> p != null && p.clusterId() != null);
        return complete ? null : "lacks required fields";
    }

    @Override
    public Write write(CloudEvent event, AgreementState agreement) {
        return Write.entities(() -> {
            AgreementViewRow row = AgreementViewRow.findById(agreement.id());
            if (row == null) {
                row = new AgreementViewRow();
                row.id = agreement.id();
            }
            row.reference = agreement.reference();
            row.title = agreement.title();
            row.kind = agreement.kind();
            row.status = agreement.status();
            row.parties = agreement.parties();
            row.signedOn = agreement.signedOn();
            row.effectiveFrom = agreement.effectiveFrom();
            row.expiresOn = agreement.expiresOn();
            row.version = agreement.version();
            row.involved.clear();
            for (AgreementState.Party party : agreement.parties()) {
                row.involved.add(party.clusterId());
                row.involved.addAll(party.coSigners());
            }
            row.persist();
        });
    }

    /** The involved clusters go with their agreements (the link's foreign key cascades). */
    @Override
    public void deleteAll() {
        AgreementViewRow.deleteAll();
    }
}

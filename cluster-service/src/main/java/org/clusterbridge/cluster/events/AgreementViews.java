package org.clusterbridge.cluster.events;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.CloudEvents.MalformedEventException;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.postgresql.PostgresViewGate;
import org.clusterbridge.events.views.RebuildableView;
import org.clusterbridge.events.views.ViewEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps, from agreement-events, every agreement and the clusters it involves (parties and co-signing members),
 * so a cluster's profile lists its agreements without asking mou-service.
 */
@ApplicationScoped
public class AgreementViews implements RebuildableView {

    public static final String VIEW = "cluster-agreements";

    private final ViewEvents viewEvents;
    private final PostgresViewGate gate;
    private final CloudEvents cloudEvents;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    AgreementViews(ViewEvents viewEvents, PostgresViewGate gate, CloudEvents cloudEvents,
            EntityManager entityManager, ObjectMapper mapper) {
        this.viewEvents = viewEvents;
        this.gate = gate;
        this.cloudEvents = cloudEvents;
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Incoming(EventTopics.AGREEMENT_EVENTS)
    @Blocking
    public void on(String payload) {
        viewEvents.handle(VIEW, payload, this::apply);
    }

    boolean apply(CloudEvent event) {
        if (!event.type().startsWith("clusterbridge.agreement.")) {
            return false;
        }
        AgreementState agreement = cloudEvents.data(event, AgreementState.class);
        if (!agreement.isComplete()) {
            throw new MalformedEventException("agreement event " + event.id() + " lacks required fields", null);
        }
        return gate.apply(VIEW, event, applied -> store(agreement));
    }

    private void store(AgreementState agreement) {
        entityManager.createNativeQuery("""
                INSERT INTO agreement_view (id, reference, title, kind, status, parties, signed_on, effective_from,
                                            expires_on, version)
                VALUES (:id, :reference, CAST(:title AS jsonb), :kind, :status, CAST(:parties AS jsonb), :signedOn,
                        :effectiveFrom, :expiresOn, :version)
                ON CONFLICT (id) DO UPDATE SET reference = EXCLUDED.reference, title = EXCLUDED.title,
                    kind = EXCLUDED.kind, status = EXCLUDED.status, parties = EXCLUDED.parties,
                    signed_on = EXCLUDED.signed_on, effective_from = EXCLUDED.effective_from,
                    expires_on = EXCLUDED.expires_on, version = EXCLUDED.version
                """)
                .setParameter("id", agreement.id())
                .setParameter("reference", agreement.reference())
                .setParameter("title", json(agreement.title()))
                .setParameter("kind", agreement.kind())
                .setParameter("status", agreement.status())
                .setParameter("parties", json(agreement.parties()))
                .setParameter("signedOn", agreement.signedOn())
                .setParameter("effectiveFrom", agreement.effectiveFrom())
                .setParameter("expiresOn", agreement.expiresOn())
                .setParameter("version", agreement.version())
                .executeUpdate();
        entityManager.createNativeQuery("DELETE FROM cluster_agreement_view WHERE agreement_id = :id")
                .setParameter("id", agreement.id()).executeUpdate();
        Set<UUID> involved = new LinkedHashSet<>();
        agreement.parties().forEach(party -> {
            involved.add(party.clusterId());
            involved.addAll(party.coSigners());
        });
        for (UUID cluster : involved) {
            entityManager.createNativeQuery(
                    "INSERT INTO cluster_agreement_view (cluster_id, agreement_id) VALUES (:cluster, :agreement)")
                    .setParameter("cluster", cluster).setParameter("agreement", agreement.id()).executeUpdate();
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("cannot store " + value, e);
        }
    }

    @Override
    public String channel() {
        return EventTopics.AGREEMENT_EVENTS;
    }

    @Override
    @Transactional
    public void clear() {
        entityManager.createNativeQuery("DELETE FROM cluster_agreement_view").executeUpdate();
        entityManager.createNativeQuery("DELETE FROM agreement_view").executeUpdate();
        gate.reset(VIEW);
    }
}

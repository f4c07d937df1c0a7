package org.clusterbridge.cluster.events;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents.MalformedEventException;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.postgresql.PostgresViewGate;
import org.clusterbridge.events.views.InboundView;
import org.clusterbridge.events.views.ViewEvents;
import org.clusterbridge.events.views.ViewSpec;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;

/**
 * Keeps, from agreement-events, every agreement and the clusters it involves (parties and co-signing members),
 * so a cluster's profile lists its agreements without asking mou-service.
 */
@ApplicationScoped
public class AgreementViews implements InboundView<AgreementState, Runnable> {

    public static final String VIEW = "cluster-agreements";
    private static final ViewSpec<AgreementState, Runnable> SPEC = new ViewSpec<>(VIEW, EventTopics.AGREEMENT_EVENTS,
            "agreement", AgreementState.class, PostgresViewGate.class);

    private final ViewEvents viewEvents;
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    AgreementViews(ViewEvents viewEvents, EntityManager entityManager, ObjectMapper mapper) {
        this.viewEvents = viewEvents;
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    @Incoming(EventTopics.AGREEMENT_EVENTS)
    @Blocking
    public void on(String payload) {
        viewEvents.consume(this, payload);
    }

    @Override
    public ViewSpec<AgreementState, Runnable> spec() {
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
    public Runnable write(CloudEvent event, AgreementState agreement) {
        String title = json(agreement.title());
        String parties = json(agreement.parties());
        return () -> store(agreement, title, parties);
    }

    private void store(AgreementState agreement, String title, String parties) {
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
                .setParameter("title", title)
                .setParameter("kind", agreement.kind())
                .setParameter("status", agreement.status())
                .setParameter("parties", parties)
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
    public void deleteAll() {
        entityManager.createNativeQuery("DELETE FROM cluster_agreement_view").executeUpdate();
        entityManager.createNativeQuery("DELETE FROM agreement_view").executeUpdate();
    }
}

package org.clusterbridge.funding.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents.MalformedEventException;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.postgresql.PostgresViewGate;
import org.clusterbridge.events.postgresql.PostgresViewGate.Write;
import org.clusterbridge.events.views.InboundView;
import org.clusterbridge.events.views.ViewEvents;
import org.clusterbridge.events.views.ViewSpec;
import org.clusterbridge.funding.domain.KnownCluster;
import org.clusterbridge.rules.IdOrSlug;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The clusters this service knows, kept in {@link ClusterViewRow} from {@code cluster-events}: registered,
 * updated and retired all carry the whole state. Its query methods are how the service layer reads it.
 */
@ApplicationScoped
public class ClusterView implements InboundView<ClusterView.ClusterState, Write> {

    public static final String VIEW = "funding-cluster-view";
    private static final ViewSpec<ClusterState, Write> SPEC = new ViewSpec<>(
            VIEW, EventTopics.CLUSTER_EVENTS, "cluster", ClusterState.class, PostgresViewGate.class);
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
    };

    /** The fields of cluster event data this service relies on; the rest of the cluster's state is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClusterState(UUID id, String slug, Map<String, String> names, String acronym, String kind,
            String country, String status, Long version) {
    }

    private final ViewEvents viewEvents;
    private final ObjectMapper mapper;

    ClusterView(ViewEvents viewEvents, ObjectMapper mapper) {
        this.viewEvents = viewEvents;
        this.mapper = mapper;
    }

    @Incoming(EventTopics.CLUSTER_EVENTS)
    @Blocking
    public CompletionStage<Void> on(KafkaRecordBatch<String, String> batch) {
        return viewEvents.consume(batch, List.of(this));
    }

    @Override
    public ViewSpec<ClusterState, Write> spec() {
        return SPEC;
    }

    @Override
    public String lacks(CloudEvent event, ClusterState state) {
        boolean complete = state != null && state.id() != null && state.slug() != null && state.names() != null
                && state.names().get("en") != null && state.country() != null
                && COUNTRY.matcher(state.country()).matches() && state.status() != null && state.id().toString().equals(event.subject());
        return complete ? null
                : "lacks id, slug, names.en, country or status, or its subject is not the cluster's id";
    }

    /** One upsert of the cluster's row, which a batch sends with the others as one JDBC batch. */
    @Override
    public Write write(CloudEvent event, ClusterState state) {
        String names;
        try {
            names = mapper.writeValueAsString(state.names());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("names of cluster " + state.id() + " cannot be stored", e);
        }
        return Write.sql("""
                INSERT INTO cluster_view (id, slug, names, acronym, kind, country, status, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET slug = EXCLUDED.slug, names = EXCLUDED.names,
                    acronym = EXCLUDED.acronym, kind = EXCLUDED.kind, country = EXCLUDED.country,
                    status = EXCLUDED.status, version = EXCLUDED.version
                """, state.id(), state.slug(), names, state.acronym(), state.kind() == null ? "CLUSTER" : state.kind(),
                state.country(), state.status(), state.version() == null ? event.sequence() : state.version());
    }

    @Override
    public void deleteAll() {
        ClusterViewRow.deleteAll();
    }

    /** A cluster by id, or by slug (the latest registered one holding it). */
    public Optional<KnownCluster> find(IdOrSlug key) {
        return key.find(this::byId, slug -> ClusterViewRow.<ClusterViewRow> find("slug = ?1 order by version desc",
                slug).firstResultOptional().map(this::known));
    }

    public Optional<KnownCluster> byId(UUID id) {
        return ClusterViewRow.<ClusterViewRow> findByIdOptional(id).map(this::known);
    }

    /** The clusters of these ids that the view knows, by id. */
    public Map<UUID, KnownCluster> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return ClusterViewRow.<ClusterViewRow> list("id in ?1", ids).stream().map(this::known)
                .collect(Collectors.toMap(KnownCluster::id, cluster -> cluster));
    }

    /** The ids of the clusters of a country. */
    public List<UUID> idsIn(String country) {
        return ClusterViewRow.<ClusterViewRow> list("country", country).stream().map(row -> row.id).toList();
    }

    private KnownCluster known(ClusterViewRow row) {
        try {
            return new KnownCluster(row.id, row.slug, mapper.readValue(row.names, NAMES), row.country, row.status);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored names of cluster " + row.id + " are not JSON", e);
        }
    }
}

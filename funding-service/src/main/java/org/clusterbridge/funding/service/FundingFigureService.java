package org.clusterbridge.funding.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.clusterbridge.api.security.Actor;
import org.clusterbridge.api.security.Roles;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.events.EventTopics;
import org.clusterbridge.events.postgresql.PostgresOutbox;
import org.clusterbridge.funding.domain.FigureSnapshot;
import org.clusterbridge.funding.domain.FundingFigure;
import org.clusterbridge.funding.domain.FundingFigureVersion;
import org.clusterbridge.funding.domain.KnownCluster;
import org.clusterbridge.funding.events.ClusterView;
import org.clusterbridge.funding.events.FundingFigureChanged;
import org.clusterbridge.rules.DomainException;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.panache.common.Sort;

/** Records figures, corrects them as new versions, and publishes both through the outbox. */
@ApplicationScoped
public class FundingFigureService {

    private final PostgresOutbox outbox;
    private final CloudEvents cloudEvents;
    private final FigureMapper mapper;
    private final ClusterView clusters;
    private final DataQualityMarks marks;

    FundingFigureService(PostgresOutbox outbox, CloudEvents cloudEvents, FigureMapper mapper, ClusterView clusters,
            DataQualityMarks marks) {
        this.outbox = outbox;
        this.cloudEvents = cloudEvents;
        this.mapper = mapper;
        this.clusters = clusters;
        this.marks = marks;
    }

    /** A version of a figure, what made it and who (null for versions made before auditing began). */
    public record FigureVersion(long version, String change, Instant recordedAt, String recordedBy,
            FigureSnapshot figure) {
    }

    @Transactional
    public FigureSnapshot record(FigureReport report, Actor actor) {
        FigureReader.Figure figure = FigureReader.read(report);
        KnownCluster cluster = clusters.byId(report.clusterId())
                .orElseThrow(() -> DomainException.unprocessable("unknown-cluster", "clusterId",
                        "cluster " + report.clusterId() + " is not known (yet) to funding-service"));
        if (!cluster.active()) {
            throw DomainException.unprocessable("retired-cluster", "clusterId",
                    "cluster " + cluster.slug() + " (" + cluster.id() + ") is " + cluster.status()
                            + "; new figures need an ACTIVE cluster");
        }
        FundingFigure entity = new FundingFigure();
        entity.id = UUID.randomUUID();
        entity.clusterId = report.clusterId();
        entity.recordedAt = now();
        entity.createdBy = actor.subject();
        rejectDuplicate(entity.id, FundingFigure.reportKey(entity.clusterId, figure.indicator(), report.nature(),
                figure.period(), figure.source()));
        apply(entity, report, figure, actor);
        entity.version = 1;
        entity.persist();
        FigureSnapshot recorded = publish(entity, FundingFigureVersion.RECORDED, FundingFigureChanged.RECORDED, actor);
        marks.mark(entity.clusterId, entity.indicator);
        return recorded;
    }

    /**
     * A new version of the figure, which must be at version {@code expected} (the client's If-Match). Editors
     * correct the figures they recorded; admins correct any.
     */
    @Transactional
    public FigureSnapshot correct(UUID id, long expected, FigureReport report, Actor actor) {
        FundingFigure entity = FundingFigure.<FundingFigure> findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("funding figure", id));
        if (!actor.admin() && !entity.reportedBy(actor.subject())) {
            throw notYours(entity);
        }
        if (expected != entity.version) {
            throw DomainException.staleVersion(entity.version);
        }
        FigureReader.Figure figure = FigureReader.read(report);
        if (!entity.clusterId.equals(report.clusterId())) {
            throw DomainException.invalid("clusterId", "a correction cannot move a figure to another cluster ("
                    + entity.clusterId + "); record a new figure instead");
        }
        // checked before the entity changes: a query would otherwise flush the change first
        rejectDuplicate(entity.id, FundingFigure.reportKey(entity.clusterId, figure.indicator(), report.nature(),
                figure.period(), figure.source()));
        String indicatorBefore = entity.indicator;
        apply(entity, report, figure, actor);
        entity.version++;
        FigureSnapshot corrected = publish(entity, FundingFigureVersion.CORRECTED, FundingFigureChanged.CORRECTED,
                actor);
        // a correction may move the figure to another indicator: both series change
        marks.mark(entity.clusterId, indicatorBefore, entity.indicator);
        return corrected;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FigureSnapshot get(UUID id) {
        return mapper.snapshot(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FigureVersion> history(UUID id) {
        find(id);
        return FundingFigureVersion.<FundingFigureVersion> list("figureId", Sort.by("version"), id).stream()
                .map(row -> new FigureVersion(row.version, row.change, row.recordedAt, row.recordedBy,
                        mapper.read(row.state, FigureSnapshot.class)))
                .toList();
    }

    private FundingFigure find(UUID id) {
        return FundingFigure.<FundingFigure> findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("funding figure", id));
    }

    private void apply(FundingFigure entity, FigureReport report, FigureReader.Figure figure, Actor actor) {
        entity.indicator = figure.indicator().code();
        entity.nature = report.nature();
        entity.value(figure.value());
        entity.period(figure.period());
        entity.funders = mapper.fundersJson(figure.funders());
        entity.source(figure.source());
        entity.note = report.note() == null || report.note().isBlank() ? null : report.note().trim();
        entity.reportKey = FundingFigure.reportKey(entity.clusterId, figure.indicator(), report.nature(),
                figure.period(), figure.source());
        entity.updatedAt = now();
        entity.updatedBy = actor.subject();
    }

    private static DomainException notYours(FundingFigure figure) {
        String detail = figure.createdBy == null
                ? "funding figure " + figure.id + " was recorded before reporters were kept; only " + Roles.ADMIN
                        + " may correct it"
                : "funding figure " + figure.id + " was reported by " + figure.createdBy + "; only " + Roles.ADMIN
                        + " may correct figures reported by someone else";
        return DomainException.notPermitted("not-your-figure", "Not your figure", detail);
    }

    private static void rejectDuplicate(UUID id, String reportKey) {
        Optional<FundingFigure> same = FundingFigure.<FundingFigure> find("reportKey = ?1 and id <> ?2",
                reportKey, id).firstResultOptional();
        if (same.isPresent()) {
            throw DomainException.conflict("duplicate-report", "figure " + same.get().id
                    + " already holds this report (same cluster, indicator, nature, period and source);"
                    + " correct it with PUT and If-Match instead", null);
        }
    }

    private FigureSnapshot publish(FundingFigure entity, String versionChange, String eventChange,
            Actor actor) {
        try {
            FundingFigure.flush();
        } catch (PersistenceException e) {
            // Another request stored the same report between our check and our write.
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw DomainException.conflict("duplicate-report",
                        "this report (same cluster, indicator, nature, period and source) is already recorded", null);
            }
            throw e;
        }
        FigureSnapshot state = mapper.snapshot(entity);
        FundingFigureVersion version = new FundingFigureVersion();
        version.figureId = entity.id;
        version.version = entity.version;
        version.change = versionChange;
        version.recordedAt = entity.updatedAt;
        version.recordedBy = actor.subject();
        version.state = mapper.json(state);
        version.persist();
        outbox.append(EventTopics.FUNDING_EVENTS,
                cloudEvents.create(FundingFigureChanged.AGGREGATE, eventChange, entity.id, entity.version,
                        actor.subject(), FundingFigureChanged.of(state)));
        return state;
    }

    private static Instant now() {
        // Microseconds: what PostgreSQL keeps, so a representation read back equals the one returned.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

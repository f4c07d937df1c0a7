package org.clusterbridge.funding.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of a figure, kept as it was: the history corrections never erase. */
@Entity
@Table(name = "funding_figure_version")
@IdClass(FundingFigureVersion.Key.class)
public class FundingFigureVersion extends PanacheEntityBase {

    public static final String RECORDED = "RECORDED";
    public static final String CORRECTED = "CORRECTED";

    @Id
    public UUID figureId;
    @Id
    public long version;
    public String change;
    public Instant recordedAt;
    /** Subject of the token that made this version; null for versions made before auditing began. */
    @Column(length = 255)
    public String recordedBy;
    /** The figure in this version: a {@link FigureSnapshot} as JSON. */
    public String state;

    public static class Key implements Serializable {
        public UUID figureId;
        public long version;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(figureId, key.figureId) && version == key.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(figureId, version);
        }
    }
}

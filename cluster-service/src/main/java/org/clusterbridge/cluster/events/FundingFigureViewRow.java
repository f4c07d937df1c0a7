package org.clusterbridge.cluster.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The store of {@link FundingViews}: a funding figure as its latest applied event described it. */
@Entity
@Table(name = "funding_figure_view")
public class FundingFigureViewRow extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID clusterId;
    public String indicator;
    public String nature;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode value;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode period;
    /** The end of the period, by which the latest figure of an indicator is chosen. */
    public LocalDate periodEnd;
    @JdbcTypeCode(SqlTypes.JSON)
    public JsonNode source;
    public long version;
}

package org.clusterbridge.cluster.events;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.clusterbridge.cluster.events.AgreementState.Party;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The store of {@link AgreementViews}: an agreement as its latest applied event described it, with the clusters
 * it involves (its parties and their co-signing members), by which a profile finds it.
 */
@Entity
@Table(name = "agreement_view")
public class AgreementViewRow extends PanacheEntityBase {

    @Id
    public UUID id;
    public String reference;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> title;
    public String kind;
    public String status;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Party> parties = new ArrayList<>();
    public LocalDate signedOn;
    public LocalDate effectiveFrom;
    public LocalDate expiresOn;
    public long version;
    @ElementCollection
    @CollectionTable(name = "cluster_agreement_view", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "cluster_id")
    public Set<UUID> involved = new LinkedHashSet<>();
}

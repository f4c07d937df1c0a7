package org.clusterbridge.funding.events;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The store of {@link ClusterView}: a cluster as the latest applied cluster event described it. */
@Entity
@Table(name = "cluster_view")
public class ClusterViewRow extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    /** Names keyed by BCP-47 tag, as JSON. */
    public String names;
    public String acronym;
    public String kind;
    public String country;
    public String status;
    public long version;
}

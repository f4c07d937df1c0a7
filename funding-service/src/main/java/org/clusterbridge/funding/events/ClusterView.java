package org.clusterbridge.funding.events;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A cluster as the latest applied cluster event described it. */
@Entity
@Table(name = "cluster_view")
public class ClusterView extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";

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

    /** A cluster by id or, failing that, by slug (the latest registered one holding it). */
    public static Optional<ClusterView> byIdOrSlug(String idOrSlug) {
        try {
            return findByIdOptional(UUID.fromString(idOrSlug));
        } catch (IllegalArgumentException notUuid) {
            return find("slug = ?1 order by version desc", idOrSlug).firstResultOptional();
        }
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }
}

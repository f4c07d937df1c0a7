package org.clusterbridge.events.sample;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The test aggregate stored in PostgreSQL. */
@Entity
@Table(name = "sample")
public class Sample extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public long version;
}

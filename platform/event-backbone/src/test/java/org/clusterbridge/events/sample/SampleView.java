package org.clusterbridge.events.sample;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The PostgreSQL view of samples kept from the topic. */
@Entity
@Table(name = "sample_view")
public class SampleView extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public long version;
}

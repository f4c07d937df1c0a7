package org.clusterbridge.cluster.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A cluster, alliance, association, foundation or public body in the registry. */
@Entity
@Table(name = "cluster")
public class Cluster extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true, length = 100)
    public String slug;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> names;

    @Column(nullable = false, length = 500)
    public String nameEn;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> description;

    @Column(length = 50)
    public String acronym;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ClusterKind kind;

    @Column(length = 200)
    public String legalForm;

    @Column(nullable = false, length = 2)
    public String country;

    @Column(length = 200)
    public String region;

    @Column(length = 200)
    public String city;

    public LocalDate foundedOn;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    public DatePrecision foundedPrecision;

    @Column(length = 500)
    public String website;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> focusAreas = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Leader> leaders = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<UUID> memberClusterIds = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<MembershipReport> membershipReports = new ArrayList<>();

    /**
     * The alliances listing this cluster as a member, by English name: kept by the alliances' writes (see
     * ClusterService), which move the member to a new version, since its representation changes.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<UUID> allianceIds = new ArrayList<>();

    /** The JSON representation of this version, as reads answer it; null until written (see ClusterService). */
    @Column(columnDefinition = "text")
    public String representation;

    /** The shape {@link #representation} was written in; another shape is rewritten at start. */
    @Column(length = 64)
    public String representationFormat;

    @Column(nullable = false, columnDefinition = "text")
    public String searchText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ClusterStatus status;

    @Column(nullable = false)
    public long version;

    @Column(nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public Instant updatedAt;

    @Column(length = 255)
    public String createdBy;

    @Column(length = 255)
    public String updatedBy;

    /** A new, active cluster at version 1. */
    public static Cluster register(UUID id, ClusterDetails details, String by, Instant now) {
        Cluster cluster = new Cluster();
        cluster.id = id;
        cluster.status = ClusterStatus.ACTIVE;
        cluster.version = 1;
        cluster.createdAt = now;
        cluster.createdBy = by;
        cluster.describe(details, by, now);
        return cluster;
    }

    /** Replaces what the client states about the cluster and moves to the next version. */
    public void update(ClusterDetails details, String by, Instant now) {
        describe(details, by, now);
        version++;
    }

    /** Retires the cluster; returns false when it already was retired (nothing changes). */
    public boolean retire(String by, Instant now) {
        if (status == ClusterStatus.RETIRED) {
            return false;
        }
        status = ClusterStatus.RETIRED;
        updatedAt = now;
        updatedBy = by;
        version++;
        return true;
    }

    /**
     * The alliances now listing the cluster; a change moves it to the next version. Returns false when they are
     * the ones it had.
     */
    public boolean joinedAlliances(List<UUID> alliances, String by, Instant now) {
        if (allianceIds.equals(alliances)) {
            return false;
        }
        allianceIds = new ArrayList<>(alliances);
        updatedAt = now;
        updatedBy = by;
        version++;
        return true;
    }

    public void represent(String json, String format) {
        representation = json;
        representationFormat = format;
    }

    public boolean isActive() {
        return status == ClusterStatus.ACTIVE;
    }

    /** The details as a client would send them back. */
    public ClusterDetails details() {
        return new ClusterDetails(slug, names, description, acronym, kind, legalForm, country, region, city,
                foundedOn == null ? null : new FoundedOn(foundedOn, foundedPrecision), website, focusAreas,
                leaders, memberClusterIds, membershipReports);
    }

    private void describe(ClusterDetails details, String by, Instant now) {
        slug = details.slug();
        names = Map.copyOf(details.names());
        nameEn = details.names().get("en");
        description = details.description() == null ? null : Map.copyOf(details.description());
        acronym = details.acronym();
        kind = details.kind();
        legalForm = details.legalForm();
        country = details.country();
        region = details.region();
        city = details.city();
        foundedOn = details.foundedOn() == null ? null : details.foundedOn().date();
        foundedPrecision = details.foundedOn() == null ? null : details.foundedOn().precision();
        website = details.website();
        focusAreas = new ArrayList<>(details.focusAreas());
        leaders = new ArrayList<>(details.leaders());
        memberClusterIds = new ArrayList<>(details.memberClusterIds());
        membershipReports = new ArrayList<>(details.membershipReports());
        searchText = SearchText.of(names.values(), acronym);
        updatedAt = now;
        updatedBy = by;
    }
}

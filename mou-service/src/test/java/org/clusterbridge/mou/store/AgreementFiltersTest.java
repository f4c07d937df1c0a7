package org.clusterbridge.mou.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.bson.Document;
import org.clusterbridge.embedded.MongoWireServer;
import org.clusterbridge.mou.domain.AgreementQuery;
import org.clusterbridge.mou.domain.AgreementStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;

/**
 * A cluster's list checks its candidates in Java ({@link AgreementFilters#matches}); the register's list has the
 * server filter the agreements ({@link AgreementFilters#of}). Over stored documents covering every boundary of the
 * dates, statuses, focus areas and stored change times, both select exactly the same agreements for every filter.
 */
class AgreementFiltersTest {

    static final LocalDate DAY = LocalDate.of(2026, 1, 31);
    static MongoWireServer server;
    static MongoClient client;
    static MongoCollection<Document> agreements;

    @BeforeAll
    static void store() {
        server = MongoWireServer.inMemory().start();
        client = MongoClients.create(server.connectionString());
        agreements = client.getDatabase("filters").getCollection(AgreementStore.COLLECTION);
        List<LocalDate> days = List.of(DAY.minusYears(1), DAY.minusDays(1), DAY, DAY.plusDays(1), DAY.plusDays(30),
                DAY.plusDays(31));
        List<String> updated = new ArrayList<>(List.of("2026-01-31T00:00:05Z", "2026-01-31T00:00:05.120Z",
                "2026-01-31T00:00:05.1Z", "2026-01-31T00:00:04.999999999Z", "2026-01-31T00:00:06Z"));
        updated.add(null);
        int n = 0;
        for (LocalDate effectiveFrom : days) {
            for (LocalDate expiresOn : new LocalDate[] { null, DAY, DAY.plusDays(1), DAY.plusDays(30),
                    DAY.plusDays(31), DAY.minusDays(1) }) {
                for (boolean terminated : new boolean[] { false, true }) {
                    Document d = new Document("_id", "a" + n).append("reference", "R-" + n)
                            .append("signedOn", days.get(n % days.size()).toString())
                            .append("effectiveFrom", effectiveFrom.toString())
                            .append("status", terminated ? AgreementStatus.TERMINATED.name()
                                    : AgreementStatus.ACTIVE.name())
                            .append("focusAreas", n % 3 == 0 ? List.of("biomaterials", "digital-health")
                                    : List.of("digital-health"))
                            .append(AgreementDocuments.SIGNERS, List.of(UUID.randomUUID().toString()));
                    if (expiresOn != null) {
                        d.append("expiresOn", expiresOn.toString());
                    }
                    if (terminated) {
                        d.append(AgreementDocuments.TERMINATION, new Document("date", DAY.minusDays(n % 5).toString()));
                    }
                    String at = updated.get(n % updated.size());
                    if (at != null) {
                        d.append(AgreementFilters.UPDATED_AT, at);
                    }
                    agreements.insertOne(d);
                    n++;
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void theJavaConditionsSelectWhatTheServerFilterSelects() {
        List<AgreementQuery> queries = new ArrayList<>();
        for (AgreementStatus status : AgreementStatus.values()) {
            queries.add(query(status, null, null, null, null, null));
        }
        queries.add(query(null, "biomaterials", null, null, null, null));
        queries.add(query(null, null, DAY, null, null, null));
        queries.add(query(null, null, null, DAY, null, null));
        queries.add(query(null, null, DAY.minusDays(1), DAY.plusDays(1), null, null));
        for (int days : new int[] { 0, 1, 30, 365 }) {
            queries.add(query(null, null, null, null, days, null));
        }
        for (String since : List.of("2026-01-31T00:00:05Z", "2026-01-31T00:00:05.000000001Z",
                "2026-01-31T00:00:05.1Z", "2026-01-31T00:00:05.12Z", "2026-01-31T00:00:05.1200001Z",
                "2026-01-30T00:00:00Z", "2027-01-01T00:00:00Z")) {
            queries.add(query(null, null, null, null, null, Instant.parse(since)));
        }
        queries.add(query(AgreementStatus.ACTIVE, "biomaterials", null, null, 30, Instant.parse("2026-01-31T00:00:05Z")));
        queries.add(query(AgreementStatus.EXPIRED, "digital-health", DAY.minusYears(1), DAY, null, null));

        AgreementDocuments documents = new AgreementDocuments(new ObjectMapper());
        int selecting = 0;
        for (AgreementQuery query : queries) {
            Set<String> byServer = new TreeSet<>();
            agreements.find(AgreementFilters.of(new AgreementSelection(query, null, null, DAY)))
                    .forEach(d -> byServer.add(d.getString("_id")));
            Set<String> byJava = new TreeSet<>();
            agreements.find().projection(Projections.include(AgreementDocuments.FACTS)).forEach(d -> {
                if (AgreementFilters.matches(query, DAY, documents.facts(d))) {
                    byJava.add(d.getString("_id"));
                }
            });
            assertThat(byJava).as("%s", query).isEqualTo(byServer);
            selecting += byServer.isEmpty() || byServer.size() == agreements.countDocuments() ? 0 : 1;
        }
        // most of them select some agreements and leave others, so that the comparison means something
        assertThat(selecting).isGreaterThan(queries.size() * 3 / 4);
    }

    private static AgreementQuery query(AgreementStatus status, String focusArea, LocalDate signedFrom,
            LocalDate signedTo, Integer expiringWithinDays, Instant updatedSince) {
        return new AgreementQuery(null, status, null, focusArea, signedFrom, signedTo, expiringWithinDays,
                updatedSince);
    }
}

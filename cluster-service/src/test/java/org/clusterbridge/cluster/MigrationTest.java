package org.clusterbridge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The test database starts empty, so the application's start ran every migration from nothing and Hibernate
 * validated the entities against the result; here Flyway itself confirms what it applied.
 */
@QuarkusTest
class MigrationTest {

    @Inject
    Flyway flyway;
    @Inject
    EntityManager entityManager;

    @Test
    void flywayAppliedEveryMigrationAndValidatesThem() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(Arrays.stream(applied).map(MigrationInfo::getDescription))
                .contains("event backbone", "clusters");
        assertThat(applied).allSatisfy(info -> assertThat(info.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void theSchemaHasTheRegistryAndItsViews() {
        @SuppressWarnings("unchecked")
        List<String> tables = entityManager.createNativeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")
                .getResultList();
        assertThat(tables).contains("cluster", "agreement_view", "cluster_agreement_view", "funding_figure_view",
                "outbox_event", "view_version");
    }
}

package org.clusterbridge.cluster.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.clusterbridge.events.CloudEvent;
import org.clusterbridge.events.CloudEvents;
import org.clusterbridge.testing.EventSchemas;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Contract check: every example event mou-service and funding-service publish is one our views can apply. */
@QuarkusTest
class ProducerExamplesTest {

    @Inject
    CloudEvents cloudEvents;
    @Inject
    AgreementViews agreements;
    @Inject
    FundingViews figures;

    @Test
    void agreementExamplesAreReadable() {
        for (String change : List.of("signed", "updated", "expired", "terminated")) {
            for (String json : EventSchemas.examples("clusterbridge.agreement." + change + ".v1")) {
                CloudEvent event = cloudEvents.read(json);
                AgreementState agreement = cloudEvents.data(event, AgreementState.class);
                assertThat(agreements.lacks(event, agreement)).as(change + " example " + event.id()).isNull();
                assertThat(agreement.parties()).hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void fundingFigureExamplesAreReadable() {
        for (String change : List.of("recorded", "corrected")) {
            for (String json : EventSchemas.examples("clusterbridge.funding-figure." + change + ".v1")) {
                CloudEvent event = cloudEvents.read(json);
                FundingFigureState figure = cloudEvents.data(event, FundingFigureState.class);
                assertThat(figures.lacks(event, figure)).as(change + " example " + event.id()).isNull();
            }
        }
    }
}

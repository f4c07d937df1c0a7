package org.clusterbridge.mou.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.rules.Violation;
import org.junit.jupiter.api.Test;

/** The status and term rules by themselves, at their boundary dates. */
class AgreementStatusRulesTest {

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    static AgreementDetails details(LocalDate signedOn, LocalDate effectiveFrom, Term term, LocalDate expiresOn) {
        return new AgreementDetails("REF-1", Map.of("en", "MOU"), null, AgreementKind.MOU,
                List.of(new Party(A, null), new Party(B, null)), null, signedOn, effectiveFrom, null, term, expiresOn,
                null, null, null, null);
    }

    @Test
    void fiveYearsFromTheEffectiveDate() {
        Agreement mou = Agreement.record(UUID.randomUUID(),
                details(LocalDate.of(2020, 2, 5), null, new Term(5, null), null), "partner-a", NOW,
                LocalDate.of(2020, 2, 5));
        assertThat(mou.expiresOn()).isEqualTo(LocalDate.of(2025, 2, 5));
        assertThat(mou.effectiveFrom()).isEqualTo(LocalDate.of(2020, 2, 5));
        assertThat(mou.status()).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(mou.statusOn(LocalDate.of(2025, 2, 4))).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(mou.statusOn(LocalDate.of(2025, 2, 5))).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(mou.statusOn(LocalDate.of(2020, 2, 4))).isEqualTo(AgreementStatus.SIGNED);
    }

    @Test
    void monthsCountFromTheEffectiveDateToo() {
        AgreementDetails d = details(LocalDate.of(2024, 1, 10), LocalDate.of(2024, 1, 31), new Term(null, 1), null);
        assertThat(d.expiryDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void aCorrectionMayRestateTheExpiryATermGivesButNoOther() {
        Agreement mou = Agreement.record(UUID.randomUUID(),
                details(LocalDate.of(2020, 2, 5), null, new Term(5, null), null), "partner-a", NOW,
                LocalDate.of(2020, 2, 5));
        LocalDate today = LocalDate.of(2024, 1, 1);
        // as read: the term and the expiry it gave
        AgreementDetails asRead = details(LocalDate.of(2020, 2, 5), null, new Term(5, null), LocalDate.of(2025, 2, 5));
        assertThat(asRead.asCorrectionOf(mou).expiresOn()).isNull();
        assertThat(AgreementRules.check(asRead.asCorrectionOf(mou), today)).isEmpty();
        // a new start with the expiry as read: the term gives the new expiry
        AgreementDetails moved = details(LocalDate.of(2020, 2, 5), LocalDate.of(2020, 4, 1), new Term(5, null),
                LocalDate.of(2025, 2, 5));
        assertThat(moved.asCorrectionOf(mou).expiryDate()).isEqualTo(LocalDate.of(2025, 4, 1));
        // an expiry of its own next to a term stays, and the rules refuse the pair
        AgreementDetails both = details(LocalDate.of(2020, 2, 5), null, new Term(5, null), LocalDate.of(2026, 1, 1));
        assertThat(both.asCorrectionOf(mou)).isSameAs(both);
        assertThat(AgreementRules.check(both.asCorrectionOf(mou), today)).extracting(Violation::field)
                .containsExactly("term");
        // a first recording keeps the rule: term and expiresOn together are refused even when they agree
        assertThat(AgreementRules.check(asRead, today)).extracting(Violation::field).containsExactly("term");
    }

    @Test
    void terminationWinsFromItsDateOn() {
        Agreement mou = Agreement.record(UUID.randomUUID(),
                details(LocalDate.of(2020, 1, 1), null, null, null), "partner-a", NOW, LocalDate.of(2020, 1, 1))
                .terminate(new Termination(LocalDate.of(2021, 6, 30), "ended"), "registry-admin-1",
                        NOW.plusSeconds(1), LocalDate.of(2021, 7, 1));
        assertThat(mou.version()).isEqualTo(2);
        assertThat(mou.status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(mou.statusOn(LocalDate.of(2021, 6, 29))).isEqualTo(AgreementStatus.ACTIVE);
        assertThat(mou.statusOn(LocalDate.of(2021, 6, 30))).isEqualTo(AgreementStatus.TERMINATED);
    }

    @Test
    void eachChangeRecordsWhoMadeItAndWhen() {
        Agreement recorded = Agreement.record(UUID.randomUUID(),
                details(LocalDate.of(2020, 2, 5), null, new Term(5, null), null), "partner-a", NOW,
                LocalDate.of(2020, 2, 5));
        assertThat(recorded.version()).isEqualTo(1);
        assertThat(recorded.createdBy()).isEqualTo("partner-a");
        assertThat(recorded.updatedBy()).isEqualTo("partner-a");
        assertThat(recorded.createdAt()).isEqualTo(NOW);
        assertThat(recorded.updatedAt()).isEqualTo(NOW);

        Agreement corrected = recorded.correct(details(LocalDate.of(2020, 2, 5), null, new Term(3, null), null),
                "partner-b", NOW.plusSeconds(1), LocalDate.of(2020, 2, 6));
        assertThat(corrected.version()).isEqualTo(2);
        assertThat(corrected.expiresOn()).isEqualTo(LocalDate.of(2023, 2, 5));
        assertThat(corrected.createdBy()).isEqualTo("partner-a");
        assertThat(corrected.createdAt()).isEqualTo(NOW);
        assertThat(corrected.updatedBy()).isEqualTo("partner-b");
        assertThat(corrected.updatedAt()).isEqualTo(NOW.plusSeconds(1));

        Agreement expired = corrected.restatedOn(LocalDate.of(2023, 2, 5), "service:mou-service",
                NOW.plusSeconds(2));
        assertThat(expired.version()).isEqualTo(3);
        assertThat(expired.status()).isEqualTo(AgreementStatus.EXPIRED);
        assertThat(expired.createdBy()).isEqualTo("partner-a");
        assertThat(expired.updatedBy()).isEqualTo("service:mou-service");

        Agreement terminated = corrected.terminate(new Termination(LocalDate.of(2021, 6, 30), "ended"),
                "registry-admin-1", NOW.plusSeconds(3), LocalDate.of(2021, 7, 1));
        assertThat(terminated.version()).isEqualTo(3);
        assertThat(terminated.createdBy()).isEqualTo("partner-a");
        assertThat(terminated.updatedBy()).isEqualTo("registry-admin-1");
        assertThat(terminated.updatedAt()).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void rulesNameTheirFields() {
        List<Violation> violations = AgreementRules.check(details(LocalDate.of(2022, 3, 22),
                LocalDate.of(2022, 3, 21), null, LocalDate.of(2022, 3, 21)), LocalDate.of(2022, 4, 1));
        assertThat(violations).extracting(Violation::field).containsExactly("effectiveFrom", "expiresOn");
        assertThat(AgreementRules.check(details(LocalDate.of(2022, 3, 22), null, null, null),
                LocalDate.of(2022, 3, 22))).isEmpty();
    }
}

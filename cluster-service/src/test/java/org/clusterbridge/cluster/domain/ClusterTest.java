package org.clusterbridge.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.clusterbridge.rules.Violation;
import org.junit.jupiter.api.Test;

class ClusterTest {

    private static ClusterDetails details(String en) {
        return new ClusterDetails("link-j", Map.of("en", en, "ja", "ライフサイエンス・イノベーション・ネットワーク・ジャパン"),
                null, "LINK-J", ClusterKind.ASSOCIATION, "一般社団法人", "JP", "Tokyo", "Chuo-ku",
                new FoundedOn(LocalDate.of(2016, 1, 1), DatePrecision.YEAR), "https://www.link-j.org/",
                List.of("digital-health"), null, null, null);
    }

    @Test
    void eachChangeMovesToTheNextVersionRecordsWhoMadeItAndRetiringTwiceChangesNothing() {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        Cluster cluster = Cluster.register(UUID.randomUUID(), details("Life Science Innovation Network Japan"),
                "partner-a", now);
        assertThat(cluster.version).isEqualTo(1);
        assertThat(cluster.createdBy).isEqualTo("partner-a");
        assertThat(cluster.updatedBy).isEqualTo("partner-a");
        assertThat(cluster.isActive()).isTrue();
        assertThat(cluster.nameEn).isEqualTo("Life Science Innovation Network Japan");
        assertThat(cluster.searchText).contains("link-j").contains("ライフサイエンス");
        assertThat(cluster.details()).isEqualTo(details("Life Science Innovation Network Japan"));

        cluster.update(details("LINK-J"), "partner-b", now.plusSeconds(1));
        assertThat(cluster.version).isEqualTo(2);
        assertThat(cluster.createdBy).isEqualTo("partner-a");
        assertThat(cluster.updatedBy).isEqualTo("partner-b");
        assertThat(cluster.updatedAt).isEqualTo(now.plusSeconds(1));
        assertThat(cluster.nameEn).isEqualTo("LINK-J");

        assertThat(cluster.retire("registry-admin-1", now.plusSeconds(2))).isTrue();
        assertThat(cluster.status).isEqualTo(ClusterStatus.RETIRED);
        assertThat(cluster.updatedBy).isEqualTo("registry-admin-1");
        assertThat(cluster.version).isEqualTo(3);
        assertThat(cluster.retire("registry-admin-2", now.plusSeconds(3))).isFalse();
        assertThat(cluster.updatedBy).isEqualTo("registry-admin-1");
        assertThat(cluster.version).isEqualTo(3);
    }

    @Test
    void detailsReportEveryBrokenRule() {
        ClusterDetails broken = new ClusterDetails("LINK J", Map.of("ja", "名前"), null, " ", ClusterKind.CLUSTER,
                null, "ZZ", null, null, null, "link-j.org", List.of("x"), null, List.of(UUID.randomUUID()), null);
        assertThat(broken.violations(UUID.randomUUID(), LocalDate.of(2024, 1, 1))).extracting(Violation::field)
                .containsExactlyInAnyOrder("slug", "names.en", "country", "website", "focusAreas[0]",
                        "memberClusterIds", "acronym");
    }
}

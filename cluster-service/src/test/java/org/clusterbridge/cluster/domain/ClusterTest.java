package org.clusterbridge.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ClusterTest {

    private static ClusterDetails details(String en) {
        return new ClusterDetails("link-j", Map.of("en", en, "ja", "ライフサイエンス・イノベーション・ネットワーク・ジャパン"),
                null, "LINK-J", ClusterKind.ASSOCIATION, "一般社団法人", "JP", "Tokyo", "Chuo-ku",
                new FoundedOn(LocalDate.of(2016, 1, 1), DatePrecision.YEAR), "https://www.link-j.org/",
                List.of("digital-health"), null, null, null);
    }

    @Test
    void eachChangeMovesToTheNextVersionAndRetiringTwiceChangesNothing() {
        Instant now = Instant.parse("2024-01-01T00:00:00Z");
        Cluster cluster = Cluster.register(UUID.randomUUID(), details("Life Science Innovation Network Japan"), now);
        assertThat(cluster.version).isEqualTo(1);
        assertThat(cluster.isActive()).isTrue();
        assertThat(cluster.nameEn).isEqualTo("Life Science Innovation Network Japan");
        assertThat(cluster.searchText).contains("link-j").contains("ライフサイエンス");
        assertThat(cluster.details()).isEqualTo(details("Life Science Innovation Network Japan"));

        cluster.update(details("LINK-J"), now.plusSeconds(1));
        assertThat(cluster.version).isEqualTo(2);
        assertThat(cluster.nameEn).isEqualTo("LINK-J");

        assertThat(cluster.retire(now.plusSeconds(2))).isTrue();
        assertThat(cluster.status).isEqualTo(ClusterStatus.RETIRED);
        assertThat(cluster.version).isEqualTo(3);
        assertThat(cluster.retire(now.plusSeconds(3))).isFalse();
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

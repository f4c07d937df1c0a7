package org.clusterbridge.cluster.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void caseAndLatinAccentsAreIgnored() {
        assertThat(SearchText.normalize("Médicen Paris RÉGION")).isEqualTo("medicen paris region");
        assertThat(SearchText.normalize("Île-de-France")).isEqualTo("ile-de-france");
        assertThat(SearchText.normalize("Agostino-Etchetto Ｌｙｏｎ")).isEqualTo("agostino-etchetto lyon");
    }

    @Test
    void japaneseKeepsItsVoicingMarksButMatchesItself() {
        String kobe = SearchText.normalize("神戸医療産業都市推進機構");
        assertThat(kobe).contains(SearchText.normalize("医療産業"));
        assertThat(SearchText.normalize("バイオ")).isNotEqualTo(SearchText.normalize("ハイオ"));
        assertThat(SearchText.normalize("やまぐち医療関連成長戦略推進協議会")).contains(SearchText.normalize("ぐち"));
    }

    @Test
    void allNamesAndTheAcronymAreSearchable() {
        String text = SearchText.of(List.of("Life Science Innovation Network Japan", "ライフサイエンス"), "LINK-J");
        assertThat(text).contains("network japan").contains("ライフサイエンス").contains("link-j");
        assertThat(SearchText.of(List.of("MAGIA"), null)).isEqualTo("magia");
    }
}

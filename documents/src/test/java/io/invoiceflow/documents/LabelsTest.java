package io.invoiceflow.documents;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    @Test
    void shouldHaveTheSameKeysInEveryLanguage_whenLoaded() {
        for (Language language : Language.values()) {
            assertThat(Labels.of(language).keySet()).as(language.code()).isEqualTo(Labels.of(Language.EN).keySet());
            assertThat(Labels.of(language).values()).allSatisfy(v -> assertThat(v).isNotBlank());
        }
    }

    @Test
    void shouldReadUtf8_whenLabelsHaveNordicLetters() {
        assertThat(Labels.get(Language.NB, "amount-due")).isEqualTo("Å betale");
        assertThat(Labels.get(Language.SV, "due-date")).isEqualTo("Förfallodatum");
        assertThat(Labels.get(Language.EN, "draft")).isEqualTo("DRAFT");
    }

    @Test
    void shouldFallBackToEnglish_whenTheLanguageIsNotSupported() {
        assertThat(Language.of("nb")).isEqualTo(Language.NB);
        assertThat(Language.of("nn-NO")).isEqualTo(Language.NB);
        assertThat(Language.of("no")).isEqualTo(Language.NB);
        assertThat(Language.of("sv_SE")).isEqualTo(Language.SV);
        assertThat(Language.of("da")).isEqualTo(Language.EN);
        assertThat(Language.of("fi")).isEqualTo(Language.EN);
        assertThat(Language.of(null)).isEqualTo(Language.EN);
        assertThat(Language.of("  ")).isEqualTo(Language.EN);
        assertThat(Language.isSupported("da")).isFalse();
        assertThat(Language.isSupported("sv")).isTrue();
    }
}

package io.invoiceflow.documents;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class KidTest {

    @ParameterizedTest
    @ValueSource(strings = {"79927398713", "4111111111111111", "0000010017", "18"})
    void shouldAcceptKnownValidNumbers_whenCheckingMod10(String kid) {
        assertThat(Kid.isValid(kid, Kid.Algorithm.MOD10)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"79927398710", "4111111111111112", "0000010018", "1234a67897", "7", ""})
    void shouldRefuseWrongCheckDigitsOrCharacters_whenCheckingMod10(String kid) {
        assertThat(Kid.isValid(kid, Kid.Algorithm.MOD10)).isFalse();
    }

    @ParameterizedTest
    // Norwegian bank account numbers use the same MOD11 weights (2..7 from the right): DNB's example account and
    // the textbook 1234.56.78903; "6-" is the standard's check digit 10 (6 x 2 = 12, 12 mod 11 = 1, 11 - 1 = 10); "51": 5 x 2 = 10, 11 - 10 = 1
    @ValueSource(strings = {"86011117947", "12345678903", "6-", "51"})
    void shouldAcceptKnownValidNumbers_whenCheckingMod11(String kid) {
        assertThat(Kid.isValid(kid, Kid.Algorithm.MOD11)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"86011117948", "12345678900", "60", "5-"})
    void shouldRefuseWrongCheckDigits_whenCheckingMod11(String kid) {
        assertThat(Kid.isValid(kid, Kid.Algorithm.MOD11)).isFalse();
    }

    @Test
    void shouldDeriveTheSameValidKid_whenGeneratingFromTheSameSequence() {
        Kid.Scheme scheme = new Kid.Scheme(Kid.Algorithm.MOD10, 0, 9);

        String kid = Kid.generate(scheme, 1001, null);

        assertThat(kid).isEqualTo("0000010017").isEqualTo(Kid.generate(scheme, 1001, "ignored"));
        assertThat(kid).hasSize(scheme.length());
        assertThat(Kid.isValid(kid, Kid.Algorithm.MOD10)).isTrue();
    }

    @Test
    void shouldPutTheCustomerNumberFirst_whenTheSchemeIncludesIt() {
        Kid.Scheme scheme = new Kid.Scheme(Kid.Algorithm.MOD11, 6, 7);

        String kid = Kid.generate(scheme, 42, "10001");

        assertThat(kid).startsWith("010001" + "0000042").hasSize(14);
        assertThat(Kid.isValid(kid, Kid.Algorithm.MOD11)).isTrue();
    }

    @Test
    void shouldGiveDistinctValidKids_whenGeneratingManySequences() {
        Kid.Scheme scheme = new Kid.Scheme(Kid.Algorithm.MOD11, 0, 6);
        java.util.Set<String> seen = new java.util.HashSet<>();

        for (long seq = 1; seq <= 5000; seq++) {
            String kid = Kid.generate(scheme, seq, null);
            assertThat(Kid.isValid(kid, Kid.Algorithm.MOD11)).as(kid).isTrue();
            seen.add(kid);
        }

        assertThat(seen).hasSize(5000);
    }

    @Test
    void shouldRefuseWithTheField_whenTheCustomerNumberIsNotDigits() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> Kid.generate(new Kid.Scheme(Kid.Algorithm.MOD10, 5, 6), 1, "AB-1"));

        assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("customerNumber", "kid-digits"));
    }

    @Test
    void shouldRefuse_whenTheSequenceOutgrowsTheScheme() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> Kid.generate(new Kid.Scheme(Kid.Algorithm.MOD10, 0, 3), 1000, null));

        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("sequence");
    }

    @Test
    void shouldRefuse_whenTheSchemeIsLongerThan25() {
        assertThat(new Kid.Scheme(Kid.Algorithm.MOD10, 10, 15).violations("kid"))
                .extracting(FieldViolation::rule).containsExactly("max-length");
    }
}

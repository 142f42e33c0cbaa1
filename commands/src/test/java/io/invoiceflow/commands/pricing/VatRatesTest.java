package io.invoiceflow.commands.pricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class VatRatesTest {
    @Test
    void shouldOfferTheFourNorwegianRates_whenCountryIsNorway() {
        // given / when / then 25 general, 15 food, 12 transport/accommodation/culture, 0 exempt
        assertThat(VatRates.of("NO")).extracting(BigDecimal::toPlainString).containsExactly("25", "15", "12", "0");
        assertThat(VatRates.describe("NO")).isEqualTo("25, 15, 12, 0");
    }

    @Test
    void shouldMatchNumericallyAndReturnTheCanonicalRate_whenRateIsWrittenWithDecimals() {
        // given 25.00 / when
        var matched = VatRates.match("NO", new BigDecimal("25.00"));
        // then the canonical 25
        assertThat(matched).hasValueSatisfying(r -> assertThat(r.toPlainString()).isEqualTo("25"));
    }

    @Test
    void shouldNotMatch_whenRateIsNotNorwegian() {
        // given 10 % (not a Norwegian rate) and 6 % (Swedish only)
        // when / then
        assertThat(VatRates.match("NO", BigDecimal.TEN)).isEmpty();
        assertThat(VatRates.match("NO", new BigDecimal("6"))).isEmpty();
        assertThat(VatRates.match("SE", new BigDecimal("6"))).isPresent();
    }

    @Test
    void shouldSupportOnlyNorwaySwedenAndDenmark_whenAskedForCountries() {
        // given / when / then
        assertThat(VatRates.supportedCountries()).containsExactly("DK", "NO", "SE");
        assertThat(VatRates.supportsCountry("FI")).isFalse();
        assertThat(VatRates.of("FI")).isEmpty();
    }
}

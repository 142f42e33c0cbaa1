package io.invoiceflow.documents;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {
    private static final LocalDate DATE = LocalDate.of(2027, 1, 5);

    @Test
    void shouldWriteNoBreakSpaceThousandsAndDecimalComma_whenNorwegianOrSwedish() {
        for (String tag : new String[]{"nb-NO", "nn-NO", "no", "sv-SE", "sv-FI"}) {
            Formats f = Formats.of(Locale.forLanguageTag(tag));
            assertThat(f.amount(new BigDecimal("1234.50"))).as(tag).isEqualTo("1\u00A0234,50");
            assertThat(f.amount(new BigDecimal("1234567.05"))).as(tag).isEqualTo("1\u00A0234\u00A0567,05");
            assertThat(f.percent(new BigDecimal("25"))).as(tag).isEqualTo("25\u00A0%");
        }
    }

    @Test
    void shouldWriteCommaThousandsAndDecimalPoint_whenEnglishOrUnknown() {
        for (String tag : new String[]{"en-GB", "en-US", "de-DE", "fi-FI"}) {
            Formats f = Formats.of(Locale.forLanguageTag(tag));
            assertThat(f.amount(new BigDecimal("1234.50"))).as(tag).isEqualTo("1,234.50");
            assertThat(f.date(DATE)).as(tag).isEqualTo("5 Jan 2027");
        }
    }

    @Test
    void shouldWriteLocalDates_whenNordic() {
        assertThat(Formats.of(Locale.forLanguageTag("nb-NO")).date(DATE)).isEqualTo("05.01.2027");
        assertThat(Formats.of(Locale.forLanguageTag("sv-SE")).date(DATE)).isEqualTo("2027-01-05");
        assertThat(Formats.of(Locale.forLanguageTag("da-DK")).date(DATE)).isEqualTo("05.01.2027");
        assertThat(Formats.of(Locale.forLanguageTag("da-DK")).amount(new BigDecimal("1234.50"))).isEqualTo("1.234,50");
    }

    @Test
    void shouldKeepExactDigits_whenFormattingAmountsAndQuantities() {
        Formats nb = Formats.of(Locale.forLanguageTag("nb-NO"));

        assertThat(nb.amount(new BigDecimal("-999.99"))).isEqualTo("-999,99");
        assertThat(nb.amount(new BigDecimal("0.10"))).isEqualTo("0,10");
        assertThat(nb.amount(new BigDecimal("100000.00"))).isEqualTo("100\u00A0000,00");
        assertThat(nb.quantity(new BigDecimal("12.5000"))).isEqualTo("12,5");
        assertThat(nb.quantity(new BigDecimal("3.0000"))).isEqualTo("3");
        assertThat(nb.quantity(new BigDecimal("1E+3"))).isEqualTo("1\u00A0000");
        assertThat(nb.date(null)).isEmpty();
    }
}

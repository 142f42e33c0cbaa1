package io.invoiceflow.commands.pricing;

import io.invoiceflow.events.shared.Discount;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-computed Norwegian examples (NOK, two decimals). Every expected amount is worked out in the
 * comment above its assertion so that a reader can check the arithmetic with pen and paper.
 */
class PricingTest {
    private static final int NOK = 2;

    // ---- line nets

    @Test
    void shouldMultiplyDecimalQuantityByUnitPrice_whenQuantityHasDecimals() {
        // given 1.5 hours at 1 249.90 per hour, no discount
        // when
        BigDecimal net = Pricing.lineNet(new BigDecimal("1.5"), new BigDecimal("1249.90"), null, NOK);
        // then 1.5 x 1 249.90 = 1 249.90 + 624.95 = 1 874.85
        assertThat(net).isEqualByComparingTo("1874.85");
        assertThat(net.scale()).isEqualTo(2);
    }

    @Test
    void shouldRoundLineNetHalfUp_whenQuantityHasFourDecimals() {
        // given 0.3333 hours at 750.00
        // when
        BigDecimal net = Pricing.lineNet(new BigDecimal("0.3333"), new BigDecimal("750.00"), null, NOK);
        // then 0.3333 x 750.00 = 249.975 -> half up -> 249.98
        assertThat(net).isEqualByComparingTo("249.98");
        assertThat(net.scale()).isEqualTo(2);
    }

    @Test
    void shouldApplyPercentDiscountPerUnitAndRoundOnlyTheLine_whenDiscountIsPercent() {
        // given 12.5 % off 199.90
        Discount discount = new Discount(Discount.Type.PERCENT, new BigDecimal("12.5"));
        // discounted unit price = 199.90 x (100 - 12.5) / 100 = 199.90 x 0.875 = 174.9125 (kept exact)
        assertThat(Pricing.discountedUnitPrice(new BigDecimal("199.90"), discount)).isEqualByComparingTo("174.9125");
        // when / then 1 unit: 174.9125 -> 174.91
        assertThat(Pricing.lineNet(BigDecimal.ONE, new BigDecimal("199.90"), discount, NOK)).isEqualByComparingTo("174.91");
        // 3 units: 3 x 174.9125 = 524.7375 -> 524.74; rounding the unit price first would give 3 x 174.91 = 524.73
        assertThat(Pricing.lineNet(new BigDecimal("3"), new BigDecimal("199.90"), discount, NOK)).isEqualByComparingTo("524.74");
        // 4 units: 4 x 174.9125 = 699.65 exactly
        assertThat(Pricing.lineNet(new BigDecimal("4"), new BigDecimal("199.90"), discount, NOK)).isEqualByComparingTo("699.65");
    }

    @Test
    void shouldSubtractAmountDiscountFromEachUnit_whenDiscountIsAmount() {
        // given 3 units at 199.90 with 20.00 off per unit
        Discount discount = new Discount(Discount.Type.AMOUNT, new BigDecimal("20.00"));
        // when
        BigDecimal net = Pricing.lineNet(new BigDecimal("3"), new BigDecimal("199.90"), discount, NOK);
        // then 3 x (199.90 - 20.00) = 3 x 179.90 = 539.70 (not 3 x 199.90 - 20.00 = 579.70)
        assertThat(net).isEqualByComparingTo("539.70");
    }

    @Test
    void shouldChargeNothing_whenPercentDiscountIsHundred() {
        // given 100 % off 499.00: 499.00 x 0 / 100 = 0
        Discount discount = new Discount(Discount.Type.PERCENT, new BigDecimal("100"));
        // when / then 2 x 0 = 0.00
        assertThat(Pricing.lineNet(new BigDecimal("2"), new BigDecimal("499.00"), discount, NOK)).isEqualByComparingTo("0.00");
    }

    @Test
    void shouldIgnoreDiscount_whenItsValueIsZero() {
        // given 0 % off: the unit price stays 80.00; 2 x 80.00 = 160.00
        Discount discount = new Discount(Discount.Type.PERCENT, BigDecimal.ZERO);
        // when / then
        assertThat(Pricing.lineNet(new BigDecimal("2"), new BigDecimal("80.00"), discount, NOK)).isEqualByComparingTo("160.00");
    }

    @Test
    void shouldRoundHalfOereUp_whenLineNetEndsInExactlyHalfAnOere() {
        // given lines whose exact net ends in 5 in the third decimal (half an øre)
        // when / then half up, not half even (banker's rounding would give the even neighbour):
        // 0.5 x 0.01 = 0.005 -> 0.01 (half even: 0.00)
        assertThat(Pricing.lineNet(new BigDecimal("0.5"), new BigDecimal("0.01"), null, NOK)).isEqualByComparingTo("0.01");
        // 1 x 0.125 = 0.125 -> 0.13 (half even: 0.12)
        assertThat(Pricing.lineNet(BigDecimal.ONE, new BigDecimal("0.125"), null, NOK)).isEqualByComparingTo("0.13");
        // 3 x 0.335 = 1.005 -> 1.01 (half even: 1.00)
        assertThat(Pricing.lineNet(new BigDecimal("3"), new BigDecimal("0.335"), null, NOK)).isEqualByComparingTo("1.01");
        // 2.5 x 10.001 = 25.0025 -> 25.00 (below half: down)
        assertThat(Pricing.lineNet(new BigDecimal("2.5"), new BigDecimal("10.001"), null, NOK)).isEqualByComparingTo("25.00");
    }

    // ---- totals

    @Test
    void shouldTotalEachNorwegianRateSeparately_whenOneInvoiceHasLinesAt25And15And12And0Percent() {
        // given one line per Norwegian VAT rate
        List<Line> lines = List.of(
                // 7.5 consulting hours x 1 250.00 = 9 375.00, 25 %
                line(1, "7.5", "1250.00", null, "25"),
                // 12 loaves x 45.00 = 540.00, 15 % (food)
                line(2, "12", "45.00", null, "15"),
                // 2 taxi trips x 320.00 = 640.00, 12 % (passenger transport)
                line(3, "2", "320.00", null, "12"),
                // 3 books x 399.00 = 1 197.00, 0 % (books are zero-rated in Norway)
                line(4, "3", "399.00", null, "0"));

        // when
        Totals totals = Pricing.totals(lines, NOK);

        // then, per rate:
        //   25 %: net 9 375.00, VAT 9 375.00 x 0.25 = 2 343.75, gross 11 718.75
        //   15 %: net   540.00, VAT   540.00 x 0.15 =    81.00, gross    621.00
        //   12 %: net   640.00, VAT   640.00 x 0.12 =    76.80, gross    716.80
        //    0 %: net 1 197.00, VAT                      0.00, gross  1 197.00
        assertThat(totals.vat()).hasSize(4);
        assertVatLine(totals.vat().get(0), "25", "9375.00", "2343.75", "11718.75");
        assertVatLine(totals.vat().get(1), "15", "540.00", "81.00", "621.00");
        assertVatLine(totals.vat().get(2), "12", "640.00", "76.80", "716.80");
        assertVatLine(totals.vat().get(3), "0", "1197.00", "0.00", "1197.00");
        // document: net   9 375.00 + 540.00 + 640.00 + 1 197.00 = 11 752.00
        //           VAT   2 343.75 +  81.00 +  76.80 +     0.00 =  2 501.55
        //           gross 11 752.00 + 2 501.55 = 14 253.55 (= 11 718.75 + 621.00 + 716.80 + 1 197.00)
        assertTotals(totals, "11752.00", "2501.55", "14253.55");
    }

    @Test
    void shouldRoundVatOncePerRateOnTheSum_whenPerLineRoundingWouldDifferByOneOere() {
        // given two 25 % lines of 1 x 10.02 each
        List<Line> lines = List.of(line(1, "1", "10.02", null, "25"), line(2, "1", "10.02", null, "25"));
        // per line, VAT would be 10.02 x 0.25 = 2.505 -> 2.51, twice = 5.02 (wrong)

        // when
        Totals totals = Pricing.totals(lines, NOK);

        // then per rate: net 10.02 + 10.02 = 20.04, VAT 20.04 x 0.25 = 5.01 (exact), gross 25.05
        assertThat(totals.vat()).hasSize(1);
        assertVatLine(totals.vat().get(0), "25", "20.04", "5.01", "25.05");
        assertTotals(totals, "20.04", "5.01", "25.05");
    }

    @Test
    void shouldRoundVatOncePerRateOnTheSum_whenThreeSmallFoodLinesShareFifteenPercent() {
        // given three 15 % lines of 0.10 each
        List<Line> lines = List.of(line(1, "1", "0.10", null, "15"), line(2, "1", "0.10", null, "15"),
                line(3, "1", "0.10", null, "15"));
        // per line, VAT would be 0.10 x 0.15 = 0.015 -> 0.02, three times = 0.06 (wrong)

        // when
        Totals totals = Pricing.totals(lines, NOK);

        // then per rate: net 0.30, VAT 0.30 x 0.15 = 0.045 -> half up -> 0.05, gross 0.35
        assertVatLine(totals.vat().get(0), "15", "0.30", "0.05", "0.35");
        assertTotals(totals, "0.30", "0.05", "0.35");
    }

    @Test
    void shouldListRatesHighestFirst_whenLinesComeInAnotherOrder() {
        // given lines at 0 %, 12 %, 25 %, 15 %, 25 %, in that order
        List<Line> lines = List.of(line(1, "1", "100.00", null, "0"), line(2, "1", "100.00", null, "12"),
                line(3, "1", "100.00", null, "25"), line(4, "1", "100.00", null, "15"),
                line(5, "1", "100.00", null, "25"));

        // when
        Totals totals = Pricing.totals(lines, NOK);

        // then one VAT line per rate, 25 > 15 > 12 > 0; the two 25 % lines are summed: 200.00, VAT 50.00
        assertThat(totals.vat()).extracting(v -> v.rate().toPlainString()).containsExactly("25", "15", "12", "0");
        assertVatLine(totals.vat().get(0), "25", "200.00", "50.00", "250.00");
        // net 500.00; VAT 50.00 + 15.00 + 12.00 + 0.00 = 77.00; gross 577.00
        assertTotals(totals, "500.00", "77.00", "577.00");
    }

    @Test
    void shouldTreatNumericallyEqualRatesAsOneRate_whenScalesDiffer() {
        // given 25 and 25.00 (the same rate written twice)
        List<Line> lines = List.of(line(1, "1", "10.00", null, "25"), line(2, "1", "10.00", null, "25.00"));
        // when
        Totals totals = Pricing.totals(lines, NOK);
        // then one rate: net 20.00, VAT 5.00
        assertThat(totals.vat()).hasSize(1);
        assertVatLine(totals.vat().get(0), "25", "20.00", "5.00", "25.00");
    }

    @Test
    void shouldAddNoVat_whenAllLinesAreZeroRated() {
        // given two 0 % lines: 2 books x 399.00 = 798.00 and 1 x 149.50 = 149.50
        List<Line> lines = List.of(line(1, "2", "399.00", null, "0"), line(2, "1", "149.50", null, "0"));
        // when
        Totals totals = Pricing.totals(lines, NOK);
        // then net 947.50, VAT 0.00, gross 947.50, one 0 % VAT line
        assertThat(totals.vat()).hasSize(1);
        assertVatLine(totals.vat().get(0), "0", "947.50", "0.00", "947.50");
        assertTotals(totals, "947.50", "0.00", "947.50");
    }

    @Test
    void shouldReturnZeroTotalsAtCurrencyScale_whenThereAreNoLines() {
        // given / when
        Totals totals = Pricing.totals(List.of(), NOK);
        // then 0.00 everywhere, no VAT lines
        assertThat(totals.vat()).isEmpty();
        assertTotals(totals, "0.00", "0.00", "0.00");
    }

    @Test
    void shouldTotalDiscountedAndFractionalLines_whenTheyAreMixedOnOneInvoice() {
        // given
        List<Line> lines = List.of(
                // 1.5 h x 1 249.90 = 1 874.85, 25 %
                line(1, "1.5", "1249.90", null, "25"),
                // 3 x 199.90 less 12.5 % = 3 x 174.9125 = 524.7375 -> 524.74, 25 %
                line(2, "3", "199.90", new Discount(Discount.Type.PERCENT, new BigDecimal("12.5")), "25"),
                // 10 x (45.00 - 4.50) = 405.00, 15 %
                line(3, "10", "45.00", new Discount(Discount.Type.AMOUNT, new BigDecimal("4.50")), "15"));
        assertThat(lines).extracting(l -> l.netAmount().toPlainString()).containsExactly("1874.85", "524.74", "405.00");

        // when
        Totals totals = Pricing.totals(lines, NOK);

        // then 25 %: net 1 874.85 + 524.74 = 2 399.59, VAT 2 399.59 x 0.25 = 599.8975 -> 599.90, gross 2 999.49
        //      15 %: net 405.00, VAT 405.00 x 0.15 = 60.75, gross 465.75
        assertVatLine(totals.vat().get(0), "25", "2399.59", "599.90", "2999.49");
        assertVatLine(totals.vat().get(1), "15", "405.00", "60.75", "465.75");
        // document: net 2 804.59, VAT 660.65, gross 3 465.24
        assertTotals(totals, "2804.59", "660.65", "3465.24");
    }

    // ---- helpers

    private static Line line(int lineNo, String quantity, String unitPrice, Discount discount, String vatRate) {
        BigDecimal net = Pricing.lineNet(new BigDecimal(quantity), new BigDecimal(unitPrice), discount, NOK);
        return new Line(lineNo, null, "line " + lineNo, new BigDecimal(quantity), null, new BigDecimal(unitPrice),
                discount, new BigDecimal(vatRate), net);
    }

    private static void assertVatLine(VatLine line, String rate, String net, String vat, String gross) {
        assertThat(line.rate()).isEqualByComparingTo(rate);
        assertThat(line.netAmount()).isEqualByComparingTo(net);
        assertThat(line.vatAmount()).isEqualByComparingTo(vat);
        assertThat(line.grossAmount()).isEqualByComparingTo(gross);
        assertThat(List.of(line.netAmount().scale(), line.vatAmount().scale(), line.grossAmount().scale()))
                .as("scale of the VAT line's amounts").containsOnly(2);
    }

    private static void assertTotals(Totals totals, String net, String vat, String gross) {
        assertThat(totals.netAmount()).isEqualByComparingTo(net);
        assertThat(totals.vatAmount()).isEqualByComparingTo(vat);
        assertThat(totals.grossAmount()).isEqualByComparingTo(gross);
        assertThat(List.of(totals.netAmount().scale(), totals.vatAmount().scale(), totals.grossAmount().scale()))
                .as("scale of the document totals").containsOnly(2);
    }
}

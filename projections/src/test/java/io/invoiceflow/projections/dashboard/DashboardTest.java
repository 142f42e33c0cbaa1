package io.invoiceflow.projections.dashboard;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.projections.dashboard.Dashboard.CurrencyFigures;
import io.invoiceflow.projections.dashboard.Dashboard.CustomerFigure;
import io.invoiceflow.projections.dashboard.Dashboard.Figure;
import io.invoiceflow.projections.dashboard.Dashboard.PeriodFigure;
import io.invoiceflow.projections.dashboard.Dashboard.StatusFigure;
import io.invoiceflow.projections.list.InvoiceRow;
import io.invoiceflow.projections.list.Rows;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Dashboard figures on hand-made rows, computed by hand: today is 1 April 2026, the range 15 January to 10 March. */
class DashboardTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-04-01");
    private static final LocalDate FROM = LocalDate.parse("2026-01-15");
    private static final LocalDate TO = LocalDate.parse("2026-03-10");

    private static final List<InvoiceRow> ROWS = List.of(
            // in range, overdue
            Rows.invoice("n1").customer("10001", "Bakeri AS").invoiceDate("2026-01-20").dueDate("2026-02-03")
                    .amounts("800.00", "200.00", "1000.00").build(),
            // in range, paid
            Rows.invoice("n2").customer("10002", "Ørsta Sag").invoiceDate("2026-02-10").dueDate("2026-02-24")
                    .amounts("2000.40", "500.10", "2500.50").paid("2026-02-20", "2500.50").build(),
            // in range, fully credited; the customer's latest name
            Rows.invoice("n3").customer("10001", "Bakeri AS (new name)").invoiceDate("2026-03-05")
                    .dueDate("2026-03-19").status("CREDITED").amounts("240.00", "60.00", "300.00").credited("300.00")
                    .build(),
            // voided: never invoiced
            Rows.invoice("n4").customer("10004", "Void AS").invoiceDate("2026-02-11").status("VOID")
                    .amounts("7999.20", "1999.80", "9999.00").build(),
            // a draft
            Rows.draft("n5").customer("10005", "Draft AS").amounts("80.00", "20.00", "100.00").build(),
            // before the range, partly credited and overdue by what is left
            Rows.invoice("n6").customer("10001", "Bakeri AS").invoiceDate("2026-01-10").dueDate("2026-01-24")
                    .amounts("320.00", "80.00", "400.00").credited("100.00").outstanding("300.00").build(),
            // on the last day of the range, not yet due
            Rows.invoice("n7").customer("10003", "Åsane Bygg").invoiceDate("2026-03-10").dueDate("2026-04-10")
                    .amounts("2000.40", "500.10", "2500.50").build(),
            // after the range
            Rows.invoice("n8").customer("10003", "Åsane Bygg").invoiceDate("2026-03-11").dueDate("2026-04-15")
                    .amounts("40.00", "10.00", "50.00").build(),
            // another currency
            Rows.invoice("s1").customer("20001", "Bäckström AB").currency("SEK").invoiceDate("2026-02-01")
                    .dueDate("2026-03-03").amounts("400.00", "100.00", "500.00").paid("2026-02-15", "500.00")
                    .build());

    private static BigDecimal nok(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void shouldComputeFiguresPerCurrency_whenRowsHaveTwoCurrencies() {
        // given the rows above

        // when
        Dashboard dashboard = Dashboard.compute(ROWS, FROM, TO, Granularity.MONTH, TODAY, 10);

        // then one block per currency, never added together
        assertThat(dashboard.asOf()).isEqualTo(TODAY);
        assertThat(dashboard.currencies()).extracting(CurrencyFigures::currency).containsExactly("NOK", "SEK");
        CurrencyFigures sek = dashboard.currencies().get(1);
        assertThat(sek.invoiced()).isEqualTo(new Figure(1, nok("500.00")));
        assertThat(sek.overdue()).isEqualTo(new Figure(0, nok("0.00")));
        assertThat(sek.topCustomers()).containsExactly(new CustomerFigure("20001", "Bäckström AB", 1, nok("500.00")));
    }

    @Test
    void shouldCountEveryStatusInLifecycleOrder_whenComputingFiguresPerStatus() {
        // given / when
        CurrencyFigures nok = Dashboard.compute(ROWS, FROM, TO, Granularity.MONTH, TODAY, 10).currencies().get(0);
        CurrencyFigures sek = Dashboard.compute(ROWS, FROM, TO, Granularity.MONTH, TODAY, 10).currencies().get(1);

        // then all invoices whatever their dates; statuses without invoices show zero at the currency's scale
        assertThat(nok.byStatus()).containsExactly(new StatusFigure("DRAFT", 1, nok("100.00")),
                new StatusFigure("FINALIZED", 4, nok("3950.50")), new StatusFigure("PAID", 1, nok("2500.50")),
                new StatusFigure("VOID", 1, nok("9999.00")), new StatusFigure("CREDITED", 1, nok("300.00")));
        assertThat(sek.byStatus()).containsExactly(new StatusFigure("DRAFT", 0, nok("0.00")),
                new StatusFigure("FINALIZED", 0, nok("0.00")), new StatusFigure("PAID", 1, nok("500.00")),
                new StatusFigure("VOID", 0, nok("0.00")), new StatusFigure("CREDITED", 0, nok("0.00")));
    }

    @Test
    void shouldSumIssuedInvoicesPerMonthCutToTheRange_whenGranularityIsMonth() {
        // given / when
        CurrencyFigures nok = Dashboard.compute(ROWS, FROM, TO, Granularity.MONTH, TODAY, 10).currencies().get(0);

        // then finalized, paid and credited invoices dated 15 Jan - 10 Mar: n1, n2, n3, n7
        assertThat(nok.invoiced()).isEqualTo(new Figure(4, nok("6301.00")));
        assertThat(nok.invoicedByPeriod()).containsExactly(
                new PeriodFigure(LocalDate.parse("2026-01-15"), LocalDate.parse("2026-01-31"), 1, nok("1000.00")),
                new PeriodFigure(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"), 1, nok("2500.50")),
                new PeriodFigure(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-10"), 2, nok("2800.50")));
    }

    @Test
    void shouldListEveryDayAlsoWithoutInvoices_whenGranularityIsDay() {
        // given 1 to 5 March: only n3 (5 March) lies in it

        // when
        CurrencyFigures nok = Dashboard.compute(ROWS, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-05"),
                Granularity.DAY, TODAY, 10).currencies().get(0);

        // then
        assertThat(nok.invoicedByPeriod()).extracting(PeriodFigure::start, PeriodFigure::end, PeriodFigure::count,
                PeriodFigure::grossAmount).containsExactly(
                tuple(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01"), 0L,
                        nok("0.00")),
                tuple(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02"), 0L,
                        nok("0.00")),
                tuple(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-03"), 0L,
                        nok("0.00")),
                tuple(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-04"), 0L,
                        nok("0.00")),
                tuple(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-05"), 1L,
                        nok("300.00")));
        assertThat(nok.invoiced()).isEqualTo(new Figure(1, nok("300.00")));
    }

    @Test
    void shouldSumWhatIsStillOwed_whenInvoicesAreOverdueAsOfToday() {
        // given / when
        CurrencyFigures nok = Dashboard.compute(ROWS, FROM, TO, Granularity.MONTH, TODAY, 10).currencies().get(0);
        CurrencyFigures earlier = Dashboard.compute(ROWS, FROM, TO, Granularity.MONTH, LocalDate.parse("2026-02-01"),
                10).currencies().get(0);

        // then n1 (1000.00 owed) and n6 (400.00 less 100.00 credited), whatever the range
        assertThat(nok.overdue()).isEqualTo(new Figure(2, nok("1300.00")));
        assertThat(earlier.overdue()).isEqualTo(new Figure(1, nok("300.00")));
    }

    @Test
    void shouldRankCustomersByInvoicedAmountThenCountThenNumber_whenTopCustomersAreAsked() {
        // given / when
        CurrencyFigures top3 = Dashboard.compute(ROWS, FROM, TO, Granularity.MONTH, TODAY, 3).currencies().get(0);
        CurrencyFigures top2 = Dashboard.compute(ROWS, FROM, TO, Granularity.MONTH, TODAY, 2).currencies().get(0);

        // then 10002 and 10003 tie at 2500.50 with one invoice each; 10001 has n1 + n3 in range, named as on n3
        assertThat(top3.topCustomers()).containsExactly(new CustomerFigure("10002", "Ørsta Sag", 1, nok("2500.50")),
                new CustomerFigure("10003", "Åsane Bygg", 1, nok("2500.50")),
                new CustomerFigure("10001", "Bakeri AS (new name)", 2, nok("1300.00")));
        assertThat(top2.topCustomers()).extracting(CustomerFigure::customerNumber).containsExactly("10002", "10003");
    }

    @Test
    void shouldShowZeroAtTheCurrencysScale_whenCurrencyHasNoMinorUnit() {
        // given a JPY invoice outside the range
        List<InvoiceRow> rows = List.of(Rows.invoice("j1").currency("JPY").invoiceDate("2025-12-01")
                .amounts("1200", "300", "1500").build());

        // when
        CurrencyFigures jpy = Dashboard.compute(rows, FROM, TO, Granularity.MONTH, TODAY, 10).currencies().get(0);

        // then
        assertThat(jpy.invoiced()).isEqualTo(new Figure(0, new BigDecimal("0")));
        assertThat(jpy.overdue()).isEqualTo(new Figure(1, new BigDecimal("1500")));
        assertThat(jpy.topCustomers()).isEmpty();
    }

    @Test
    void shouldHaveNoCurrencyBlocks_whenThereAreNoRows() {
        // given / when
        Dashboard dashboard = Dashboard.compute(List.of(), FROM, TO, Granularity.DAY, TODAY, 10);

        // then
        assertThat(dashboard.currencies()).isEmpty();
        assertThat(dashboard.from()).isEqualTo(FROM);
        assertThat(dashboard.granularity()).isEqualTo(Granularity.DAY);
    }

    @Test
    void shouldNameEveryBrokenParameter_whenRangeAndTopAreInvalid() {
        // given / when
        DomainException backwards = catchThrowableOfType(DomainException.class,
                () -> Dashboard.compute(ROWS, TO, FROM, Granularity.DAY, TODAY, 0));
        DomainException tooLong = catchThrowableOfType(DomainException.class,
                () -> Dashboard.compute(ROWS, LocalDate.parse("2024-01-01"), LocalDate.parse("2026-12-31"),
                        Granularity.DAY, TODAY, 101));
        DomainException missing = catchThrowableOfType(DomainException.class,
                () -> Dashboard.compute(ROWS, null, null, null, TODAY, 10));

        // then
        assertThat(backwards.violations()).containsExactly(
                new FieldViolation("to", "not-before-from", "to (2026-01-15) is before from (2026-03-10)"),
                new FieldViolation("top", "range", "top must be from 1 to 100, found 0"));
        assertThat(tooLong.violations()).containsExactly(
                new FieldViolation("to", "max-periods", "from 2024-01-01 to 2026-12-31 spans more than 1000 days"),
                new FieldViolation("top", "range", "top must be from 1 to 100, found 101"));
        assertThat(missing.violations()).extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                tuple("from", "required"),
                tuple("to", "required"),
                tuple("granularity", "required"));
    }

    @Test
    void shouldAcceptTheLongestRange_whenItHasExactly1000Periods() {
        // given 1,000 days
        LocalDate from = LocalDate.parse("2024-01-01");

        // when
        Dashboard dashboard = Dashboard.compute(ROWS, from, from.plusDays(999), Granularity.DAY, TODAY, 1);

        // then
        assertThat(dashboard.currencies().get(0).invoicedByPeriod()).hasSize(1000);
    }

    @Test
    void shouldReadGranularity_whenGivenAsRequestParameter() {
        // given / when / then
        assertThat(Granularity.parse("day")).isEqualTo(Granularity.DAY);
        assertThat(Granularity.parse(" MONTH ")).isEqualTo(Granularity.MONTH);
        assertThat(Granularity.parse(null)).isEqualTo(Granularity.MONTH);
        DomainException e = catchThrowableOfType(DomainException.class, () -> Granularity.parse("week"));
        assertThat(e.violations()).containsExactly(new FieldViolation("granularity", "one-of",
                "granularity must be day or month, found 'week'"));
    }
}

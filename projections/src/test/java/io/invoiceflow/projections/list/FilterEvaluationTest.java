package io.invoiceflow.projections.list;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which hand-made rows a filter selects, on 1 April 2026: nulls, Nordic text, exact numbers, relative dates,
 * enums, the computed {@code overdue} and the free text {@code q}.
 */
class FilterEvaluationTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-04-01");

    /** Finalized, due 15 March: overdue. */
    private static final InvoiceRow BAKERI = Rows.invoice("a-bakeri").customer("10001", "Bakeri AS")
            .number("INV-1001", 1001L).dueDate("2026-03-15").poNumber("PO-1")
            .created("2026-03-01T08:00:00Z", "ola").build();
    /** Paid, customer name with ø and upper-case Ø. */
    private static final InvoiceRow ORSTA = Rows.invoice("b-orsta").customer("10002", "Ørsta Sag og HØVLERI")
            .number("INV-1002", 1002L).amounts("2000.00", "500.00", "2500.50").paid("2026-03-20", "2500.50")
            .invoiceDate("2026-03-10").dueDate("2026-03-24").origin("ORDER", "ord-7")
            .created("2026-03-10T08:00:00Z", "kari").build();
    /** A draft: no number, no dates. */
    private static final InvoiceRow ASANE = Rows.draft("c-asane").customer("10003", "Åsane Bygg")
            .amounts("80.00", "20.00", "100.00").created("2026-03-31T22:30:00Z", "kari").build();
    /** Finalized, not yet due, accented and Nordic letters. */
    private static final InvoiceRow BLABAER = Rows.invoice("d-blabaer").customer("10004", "BLÅBÆR Café")
            .number("INV-1003", 1003L).invoiceDate("2026-03-25").dueDate("2026-04-08").language("en")
            .amounts("400.00", "100.00", "500.00").created("2026-03-25T08:00:00Z", "ola").build();
    /** Swedish customer in SEK, voided. */
    private static final InvoiceRow BACKSTROM = Rows.invoice("e-backstrom").customer("20001", "Bäckström AB")
            .currency("SEK").status("VOID").number("INV-1004", 1004L).outstanding("0.00").origin("CLONE", null)
            .poNumber("PO-2").created("2026-02-01T08:00:00Z", "sven").build();

    private static final List<InvoiceRow> ROWS = List.of(BAKERI, ORSTA, ASANE, BLABAER, BACKSTROM);

    private static List<String> select(String filter) {
        InvoiceQuery query = InvoiceQuery.parse(filter, "invoiceId", "500", null);
        return query.page(ROWS, TODAY).items().stream().map(InvoiceRow::invoiceId).toList();
    }

    private static List<String> ids(String csv) {
        return csv.isBlank() ? List.of() : Arrays.stream(csv.split(" ")).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // text: case-insensitive, also for Nordic letters; ø is its own letter, accents elsewhere are not
            "customerName eq 'bakeri as'                | a-bakeri",
            "customerName eq 'BAKERI AS'                | a-bakeri",
            "customerName eq 'ørsta sag og høvleri'     | b-orsta",
            "customerName eq 'Blåbær Cafe'              | d-blabaer",
            "customerName contains 'HØVLERI'            | b-orsta",
            "customerName contains 'høvleri'            | b-orsta",
            "customerName contains 'hovleri'            | ''",
            "customerName contains 'blåbær'             | d-blabaer",
            "customerName contains 'blabaer'            | ''",
            "customerName startswith 'åSANE'            | c-asane",
            "customerName startswith 'Bak'              | a-bakeri",
            "customerName startswith 'bäck'             | e-backstrom",
            "customerName in ('bakeri as', 'åsane bygg') | a-bakeri c-asane",
            "currency eq nok                            | a-bakeri b-orsta c-asane d-blabaer",
            "currency ne NOK                            | e-backstrom",
            // text in the alphabet's order: Nordic letters after z
            "customerName gt 'z'                        | b-orsta c-asane",
            "customerName lt 'C'                        | a-bakeri d-blabaer e-backstrom",
            "customerName le 'bakeri as'                | a-bakeri",
            "customerName ge 'Ø'                        | b-orsta c-asane",
            // free text over customer name, customer number and invoice number
            "q contains 'ØRSTA'                         | b-orsta",
            "q contains sag                             | b-orsta",
            "q contains cafe                            | d-blabaer",
            "q contains 1000                            | a-bakeri b-orsta c-asane d-blabaer",
            "q contains 20001                           | e-backstrom",
            "q contains inv-1003                        | d-blabaer",
            "q contains ''                              | a-bakeri b-orsta c-asane d-blabaer e-backstrom",
            // missing values: no comparison matches them but ne; is null / is not null
            "poNumber eq 'PO-1'                         | a-bakeri",
            "poNumber ne 'PO-1'                         | b-orsta c-asane d-blabaer e-backstrom",
            "poNumber is null                           | b-orsta c-asane d-blabaer",
            "poNumber is not null                       | a-bakeri e-backstrom",
            "poNumber contains PO                       | a-bakeri e-backstrom",
            "poNumber lt 'PO-9'                         | a-bakeri e-backstrom",
            "dueDate lt today                           | a-bakeri b-orsta e-backstrom",
            "not dueDate lt today                       | c-asane d-blabaer",
            "dueDate ge today                           | d-blabaer",
            "number is null                             | c-asane",
            "paymentDate eq 2026-03-20                  | b-orsta",
            "paidAmount is not null                     | b-orsta",
            // exact numbers, whatever their scale
            "grossAmount eq 1000                        | a-bakeri e-backstrom",
            "grossAmount eq 1000.000                    | a-bakeri e-backstrom",
            "grossAmount gt 1000                        | b-orsta",
            "grossAmount ge 2500.5                      | b-orsta",
            "grossAmount gt 2500.499                    | b-orsta",
            "grossAmount lt 2500.50                     | a-bakeri c-asane d-blabaer e-backstrom",
            "grossAmount le 100                         | c-asane",
            "grossAmount ne 1000                        | b-orsta c-asane d-blabaer",
            "grossAmount in (100, 500.0)                | c-asane d-blabaer",
            "outstandingAmount gt 0                     | a-bakeri d-blabaer",
            "creditedAmount eq 0                        | a-bakeri b-orsta c-asane d-blabaer e-backstrom",
            "numberSequence ge 1003                     | d-blabaer e-backstrom",
            "numberSequence in (1001, 1004)             | a-bakeri e-backstrom",
            "numberSequence lt 0                        | ''",
            // dates, also relative to today (1 April)
            "invoiceDate eq 2026-03-01                  | a-bakeri e-backstrom",
            "invoiceDate ge today-7                     | d-blabaer",
            "invoiceDate gt today-31                    | b-orsta d-blabaer",
            "dueDate le today+7                         | a-bakeri b-orsta d-blabaer e-backstrom",
            "dueDate lt today+7                         | a-bakeri b-orsta e-backstrom",
            "dueDate eq today+7                         | d-blabaer",
            "dueDate in (2026-03-15, 2026-03-24)        | a-bakeri b-orsta e-backstrom",
            "dueDate is null                            | c-asane",
            // instants, with Z or an offset
            "createdAt ge 2026-03-10T08:00:00Z          | b-orsta c-asane d-blabaer",
            "createdAt gt 2026-03-10T08:00:00Z          | c-asane d-blabaer",
            "createdAt ge 2026-04-01T00:00:00+02:00     | c-asane",
            "createdAt lt 2026-03-01T00:00:00Z          | e-backstrom",
            "finalizedAt is null                        | c-asane",
            // enums in any case
            "status eq finalized                        | a-bakeri d-blabaer",
            "status in (PAID, Void)                     | b-orsta e-backstrom",
            "status ne DRAFT                            | a-bakeri b-orsta d-blabaer e-backstrom",
            "origin eq order                            | b-orsta",
            "origin in (SCRATCH)                        | a-bakeri c-asane d-blabaer",
            "orderId eq ord-7                           | b-orsta",
            "language eq EN                             | d-blabaer",
            "createdBy eq KARI                          | b-orsta c-asane",
            // the computed overdue: finalized, something outstanding, due before today
            "overdue                                    | a-bakeri",
            "overdue eq true                            | a-bakeri",
            "overdue ne false                           | a-bakeri",
            "overdue eq false                           | b-orsta c-asane d-blabaer e-backstrom",
            "not overdue                                | b-orsta c-asane d-blabaer e-backstrom",
            // combinations: not > and > or
            "status eq DRAFT or status eq PAID and grossAmount gt 5000        | c-asane",
            "(status eq DRAFT or status eq PAID) and grossAmount gt 2000       | b-orsta",
            "not status eq DRAFT and currency eq NOK                          | a-bakeri b-orsta d-blabaer",
            "not (status eq DRAFT and currency eq NOK)                        | a-bakeri b-orsta d-blabaer e-backstrom",
            "status in (FINALIZED, PAID) and (grossAmount ge 1000 or q contains \"blåbær\") and dueDate lt today | a-bakeri b-orsta",
            "''                                         | a-bakeri b-orsta c-asane d-blabaer e-backstrom",
    })
    void shouldSelectExactlyTheMatchingRows_whenFilterIsApplied(String filter, String expected) {
        // given the five rows above and today 1 April 2026

        // when
        List<String> selected = select(filter);

        // then
        assertThat(selected).as(filter).containsExactlyElementsOf(ids(expected));
    }

    @Test
    void shouldTreatNeAsTheNegationOfEq_whenValueIsMissing() {
        // given a row without PO number
        InvoiceRow noPo = Rows.invoice("x").poNumber(null).build();
        InvoiceQuery eq = InvoiceQuery.parse("poNumber eq 'PO-1'", null, null, null);
        InvoiceQuery ne = InvoiceQuery.parse("poNumber ne 'PO-1'", null, null, null);
        InvoiceQuery notEq = InvoiceQuery.parse("not poNumber eq 'PO-1'", null, null, null);

        // when
        long eqCount = eq.page(List.of(noPo), TODAY).total();
        long neCount = ne.page(List.of(noPo), TODAY).total();
        long notEqCount = notEq.page(List.of(noPo), TODAY).total();

        // then
        assertThat(eqCount).isZero();
        assertThat(neCount).isEqualTo(1);
        assertThat(notEqCount).isEqualTo(1);
    }

    @Test
    void shouldCompareAmountsInFull_whenAmountIsNull() {
        // given a row whose gross amount is missing
        InvoiceRow noAmount = Rows.invoice("x").gross(null).build();

        // when
        long ge = InvoiceQuery.parse("grossAmount ge 0", null, null, null).page(List.of(noAmount), TODAY).total();
        long lt = InvoiceQuery.parse("grossAmount lt 0", null, null, null).page(List.of(noAmount), TODAY).total();
        long isNull = InvoiceQuery.parse("grossAmount is null", null, null, null).page(List.of(noAmount), TODAY)
                .total();

        // then
        assertThat(ge).isZero();
        assertThat(lt).isZero();
        assertThat(isNull).isEqualTo(1);
    }

    @Test
    void shouldMatchEnumsByValue_whenRowsHoldCopiesRatherThanTheConstants() {
        // given statuses read back from a store: equal strings, not the constants; and their canonical forms
        String copy = new String("PAID");
        InvoiceRow copied = Rows.invoice("copy").status(copy).build();
        InvoiceRow lower = Rows.invoice("lower").status(new String("void")).build();
        InvoiceRow canonical = Rows.invoice("canonical").status(InvoiceStatuses.canonical(copy)).build();

        // when
        List<InvoiceRow> rows = List.of(copied, lower, canonical);
        List<String> paid = InvoiceQuery.parse("status eq PAID", "invoiceId", null, null).page(rows, TODAY).items()
                .stream().map(InvoiceRow::invoiceId).toList();
        List<String> notPaid = InvoiceQuery.parse("status ne PAID", "invoiceId", null, null).page(rows, TODAY)
                .items().stream().map(InvoiceRow::invoiceId).toList();
        List<String> inList = InvoiceQuery.parse("status in (VOID, DRAFT)", "invoiceId", null, null)
                .page(rows, TODAY).items().stream().map(InvoiceRow::invoiceId).toList();

        // then
        assertThat(copy).isNotSameAs(InvoiceStatuses.PAID);
        assertThat(canonical.status()).isSameAs(InvoiceStatuses.PAID);
        assertThat(InvoiceStatuses.canonical("ARCHIVED")).isEqualTo("ARCHIVED");
        assertThat(paid).containsExactly("canonical", "copy");
        assertThat(notPaid).containsExactly("lower");
        assertThat(inList).containsExactly("lower");
    }

    @Test
    void shouldCompareTextInTheTenantsAlphabet_whenFilteringByOrder() {
        // given names starting with Ä, Ø and Å
        List<InvoiceRow> rows = List.of(Rows.invoice("a").customer("1", "Älmhult").build(),
                Rows.invoice("o").customer("2", "Ørsta").build(), Rows.invoice("aa").customer("3", "Åsane").build());

        // when
        List<String> norwegian = InvoiceQuery.parse("customerName gt 'Ø'", "invoiceId", null, null,
                Alphabet.NORWEGIAN_DANISH).page(rows, TODAY).items().stream().map(InvoiceRow::invoiceId).toList();
        List<String> swedish = InvoiceQuery.parse("customerName gt 'Ø'", "invoiceId", null, null,
                Alphabet.SWEDISH).page(rows, TODAY).items().stream().map(InvoiceRow::invoiceId).toList();

        // then Norwegian z æ ä ø ö å; Swedish z å ä æ ö ø
        assertThat(norwegian).containsExactly("aa", "o");
        assertThat(swedish).containsExactly("o");
    }

    @Test
    void shouldResolveTodayPerCall_whenTheSameQueryRunsOnAnotherDay() {
        // given one parsed query and a row due 15 March
        InvoiceQuery query = InvoiceQuery.parse("dueDate lt today-10", null, null, null);
        List<InvoiceRow> rows = List.of(BAKERI);

        // when
        long on25March = query.page(rows, LocalDate.parse("2026-03-25")).total();
        long on26March = query.page(rows, LocalDate.parse("2026-03-26")).total();

        // then (15 < 25 - 10 is false; 15 < 26 - 10 is true)
        assertThat(on25March).isZero();
        assertThat(on26March).isEqualTo(1);
    }
}

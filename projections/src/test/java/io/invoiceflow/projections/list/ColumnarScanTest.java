package io.invoiceflow.projections.list;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The column scan ({@link InvoiceQuery#page(InvoiceTable, LocalDate)}) against the definition of the list:
 * every row tested with the filter's own row test, all matches sorted by the order, cut into pages. Rows are
 * random with many ties and nulls, and with values that have no {@code long} form (amounts with six decimals
 * or beyond a {@code long}, instants after 2262, a status that is not a constant), over several chunks.
 */
class ColumnarScanTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-04-01");
    private static final String[] NAMES = {"Bakeri AS", "bakeri as", "Øst Bakeri", "Ærlig Mat", "Åsen Sag",
            "Ängens Café", "Cafe Olsen", "Sagbruket", null};
    private static final String[] STATUSES = {"DRAFT", "FINALIZED", "PAID", "VOID", "CREDITED", "paid", null};
    private static final String[] AMOUNTS = {"0.00", "1000.00", "1000", "999.99", "-50.00", "5000.5",
            "1000.000001", "123456789012345678901234.00", "0.0001", null};

    private static final String[] FILTERS = {
            "",
            "status eq FINALIZED",
            "status ne PAID",
            "status in (PAID, VOID)",
            "status is null",
            "grossAmount ge 1000",
            "grossAmount lt 1000.000001",
            "grossAmount ne 1000",
            "grossAmount in (1000, 0, -50)",
            "netAmount is not null and vatAmount gt 0",
            "outstandingAmount gt 0 or paidAmount le 999.99",
            "dueDate lt today",
            "dueDate ge today-10 and dueDate le today+10",
            "invoiceDate eq 2026-03-25",
            "paymentDate is null",
            "numberSequence gt 1500",
            "numberSequence in (1001, 1002, 1003)",
            "createdAt ge 2026-03-20T00:00:00Z",
            "finalizedAt lt 2100-01-01T00:00:00+01:00",
            "updatedAt is null",
            "overdue",
            "overdue eq false",
            "not overdue and status eq FINALIZED",
            "q contains 'bakeri'",
            "q contains 'sag' or q contains 'INV-10'",
            "q contains 'ø'",
            "q contains 'cafe'",
            "customerName startswith 'b'",
            "customerName lt 'Sag'",
            "currency eq 'NOK'",
            "origin eq ORDER",
            "not (status eq DRAFT or grossAmount lt 0)",
            "(status eq FINALIZED and (grossAmount ge 1000 or q contains 'bakeri')) and dueDate lt today",
    };
    private static final String[] SORT_COLUMNS = {"createdAt", "dueDate", "invoiceDate", "paymentDate",
            "grossAmount", "netAmount", "outstandingAmount", "number", "status", "customerName", "customerNumber",
            "currency", "finalizedAt", "updatedAt", "origin", "poNumber"};

    private final Random random = new Random(20261130);

    @Test
    void shouldPageAsTheRowByRowDefinition_whenRowsAreRandomWithTiesNullsAndValuesWithoutALongForm() {
        List<InvoiceRow> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(randomRow(i));
        }
        InvoiceTable table = InvoiceTable.of(rows);
        for (String filter : FILTERS) {
            for (int s = 0; s < 6; s++) {
                String sort = randomSort();
                for (Alphabet alphabet : Alphabet.values()) {
                    assertPagesMatchDefinition(rows, table, filter, sort, alphabet);
                }
            }
        }
    }

    @Test
    void shouldAnswerAsAFreshTable_whenRowsArePutReplacedAndRemovedBetweenSnapshots() {
        LiveInvoiceTable live = new LiveInvoiceTable();
        Map<String, InvoiceRow> model = new HashMap<>();
        InvoiceTable before = live.snapshot();
        List<InvoiceRow> beforeRows = List.copyOf(before.rows());
        for (int round = 0; round < 30; round++) {
            for (int change = 0; change < 150; change++) {
                int id = random.nextInt(1_800);
                if (random.nextInt(5) == 0) {
                    live.remove("inv-" + id);
                    model.remove("inv-" + id);
                } else {
                    InvoiceRow row = randomRow(id);
                    live.put(row);
                    model.put(row.invoiceId(), row);
                }
            }
            InvoiceTable now = live.snapshot();
            assertThat(now.size()).isEqualTo(model.size());
            assertThat(now.rows()).containsExactlyInAnyOrderElementsOf(model.values());
            assertThat(before.rows()).as("an earlier snapshot does not change").isEqualTo(beforeRows);
            String filter = FILTERS[random.nextInt(FILTERS.length)];
            String sort = randomSort();
            assertPagesMatchDefinition(List.copyOf(model.values()), now, filter, sort, Alphabet.NORWEGIAN_DANISH);
            before = now;
            beforeRows = List.copyOf(now.rows());
        }
    }

    @Test
    void shouldNotMatchFreeTextAcrossTwoRows_whenOneRowEndsAndTheNextBeginsWithTheRestOfTheNeedle() {
        InvoiceRow first = Rows.invoice("a").number("INV-12", 12L).customer("C1", "Alfa").build();
        InvoiceRow second = Rows.invoice("b").number("INV-99", 99L).customer("3Beta", "3Beta").build();

        Page<InvoiceRow> page = InvoiceQuery.parse("q contains '123'", null, null, null)
                .page(InvoiceTable.of(List.of(first, second)), TODAY);

        assertThat(page.total()).isZero();
    }

    @Test
    void shouldMatchOnlyRowsWithSomeText_whenTheFreeTextIsEmpty() {
        InvoiceRow none = new InvoiceRow("none", null, null, "DRAFT", null, null, null, "NOK", null, null, null,
                null, null, null, null, null, null, "SCRATCH", null, null, "nb", null, null, null, null, null);
        InvoiceRow named = Rows.invoice("named").build();

        Page<InvoiceRow> page = InvoiceQuery.parse("q contains ''", null, null, null)
                .page(InvoiceTable.of(List.of(none, named)), TODAY);

        assertThat(page.items()).extracting(InvoiceRow::invoiceId).containsExactly("named");
    }

    private void assertPagesMatchDefinition(List<InvoiceRow> rows, InvoiceTable table, String filter, String sort,
                                            Alphabet alphabet) {
        Filter.RowTest test = FilterParser.parse(filter).bind(TODAY, alphabet);
        SortOrder order = SortOrder.parse(sort, alphabet);
        List<InvoiceRow> expected = rows.stream().filter(test::test).sorted(order).toList();
        int limit = 1 + random.nextInt(40);
        String cursor = null;
        String what = "filter '" + filter + "', sort '" + sort + "', " + alphabet + ", limit " + limit;
        for (int from = 0; from <= expected.size(); from += limit) {
            Page<InvoiceRow> page = InvoiceQuery.parse(filter, sort, String.valueOf(limit), cursor, alphabet)
                    .page(table, TODAY);
            assertThat(page.total()).as(what).isEqualTo(expected.size());
            assertThat(page.items()).as(what + ", from " + from)
                    .containsExactlyElementsOf(expected.subList(from, Math.min(from + limit, expected.size())));
            cursor = page.nextCursor();
            if (cursor == null || from > 6 * limit) {
                assertThat(cursor == null).as(what + ": a next page exactly when rows remain")
                        .isEqualTo(from + limit >= expected.size());
                return;
            }
        }
    }

    private String randomSort() {
        StringBuilder sort = new StringBuilder();
        List<String> used = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        while (used.size() < n) {
            String column = SORT_COLUMNS[random.nextInt(SORT_COLUMNS.length)];
            if (!used.contains(column)) {
                used.add(column);
                sort.append(sort.length() > 0 ? "," : "").append(random.nextBoolean() ? "-" : "").append(column);
            }
        }
        return sort.toString();
    }

    private InvoiceRow randomRow(int id) {
        long sequence = 1_000 + random.nextInt(1_000);
        boolean numbered = random.nextInt(8) > 0;
        String name = NAMES[random.nextInt(NAMES.length)];
        return new InvoiceRow("inv-" + id, numbered ? "INV-" + sequence : null,
                numbered ? (random.nextInt(50) == 0 ? Long.MIN_VALUE : sequence) : null,
                STATUSES[random.nextInt(STATUSES.length)], random.nextInt(9) == 0 ? null : "C" + random.nextInt(30),
                name, null, random.nextBoolean() ? "NOK" : "SEK", date(), date(), date(), amount(), amount(), amount(),
                amount(), amount(), amount(), random.nextBoolean() ? "SCRATCH" : "ORDER", null,
                random.nextInt(3) == 0 ? null : "PO-" + random.nextInt(20), "nb", instant(), "ola", instant(), "kari",
                instant());
    }

    private LocalDate date() {
        return random.nextInt(8) == 0 ? null : TODAY.plusDays(random.nextInt(41) - 20);
    }

    private BigDecimal amount() {
        String amount = AMOUNTS[random.nextInt(AMOUNTS.length)];
        return amount == null ? null : new BigDecimal(amount);
    }

    private Instant instant() {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> Instant.parse("2999-01-01T00:00:00Z");
            default -> Instant.parse("2026-03-15T00:00:00Z").plusSeconds(random.nextInt(40) * 86_400L)
                    .plusNanos(random.nextInt(3));
        };
    }
}

package io.invoiceflow.projections.list;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Paging with the opaque cursor: every page continues exactly after the previous one, also when rows change. */
class CursorPagingTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-04-01");

    /** Follows nextCursor from the first page to the last; the rows may change between pages. */
    private static List<Page<InvoiceRow>> walk(String filter, String sort, int limit,
                                               Map<String, InvoiceRow> store, Runnable afterFirstPage) {
        List<Page<InvoiceRow>> pages = new ArrayList<>();
        String cursor = null;
        do {
            InvoiceQuery query = InvoiceQuery.parse(filter, sort, String.valueOf(limit), cursor);
            Page<InvoiceRow> page = query.page(store.values(), TODAY);
            pages.add(page);
            if (pages.size() == 1) {
                afterFirstPage.run();
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return pages;
    }

    private static List<String> ids(List<Page<InvoiceRow>> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).map(InvoiceRow::invoiceId).toList();
    }

    private static List<String> allInOrder(String filter, String sort, Collection<InvoiceRow> rows) {
        return InvoiceQuery.parse(filter, sort, "500", null).page(rows, TODAY).items().stream()
                .map(InvoiceRow::invoiceId).toList();
    }

    private static Map<String, InvoiceRow> store(List<InvoiceRow> rows) {
        return rows.stream().collect(Collectors.toMap(InvoiceRow::invoiceId, Function.identity(), (a, b) -> a,
                LinkedHashMap::new));
    }

    /** 103 rows over 20 due dates (many ties, some missing) and 7 customers. */
    private static List<InvoiceRow> varied() {
        Random random = new Random(42);
        List<String> names = List.of("Bakeri AS", "Ørsta Sag", "Åsane Bygg", "Blåbær Café", "bakeri as", "Zeta",
                "Ærø Fisk");
        return IntStream.range(0, 103).mapToObj(i -> {
            Rows r = Rows.invoice(String.format("inv-%03d", (i * 37) % 103))
                    .customer(String.valueOf(10000 + i % 7), names.get(random.nextInt(names.size())))
                    .amounts("100.00", "25.00", random.nextInt(5) * 125 + ".00");
            int day = random.nextInt(22);
            return (day >= 20 ? r.dueDate((LocalDate) null) : r.dueDate(LocalDate.parse("2026-03-01").plusDays(day)))
                    .build();
        }).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-dueDate,customerName", "dueDate", "customerName,-grossAmount", "-customerName",
            "poNumber", "-number", "invoiceId"})
    void shouldVisitEveryRowOnceInOrder_whenWalkingAllPagesOfAnUnchangedList(String sort) {
        // given 103 rows with ties and missing values
        Map<String, InvoiceRow> rows = store(varied());

        // when walking pages of 10
        List<Page<InvoiceRow>> pages = walk(null, sort, 10, rows, () -> { });

        // then 11 pages that together are the whole list in order, each knowing the total
        assertThat(ids(pages)).containsExactlyElementsOf(allInOrder(null, sort, rows.values()));
        assertThat(pages).hasSize(11);
        assertThat(pages).allSatisfy(p -> assertThat(p.total()).isEqualTo(103));
        assertThat(pages.subList(0, 10)).allSatisfy(p -> assertThat(p.items()).hasSize(10));
        assertThat(pages.get(10).items()).hasSize(3);
        assertThat(pages.get(10).nextCursor()).isNull();
    }

    @Test
    void shouldVisitFilteredRowsOnce_whenFilterAndSortAreCombined() {
        // given
        Map<String, InvoiceRow> rows = store(varied());
        String filter = "grossAmount ge 250 and (q contains bakeri or dueDate is null)";

        // when
        List<Page<InvoiceRow>> pages = walk(filter, "-grossAmount,dueDate", 4, rows, () -> { });

        // then
        List<String> expected = allInOrder(filter, "-grossAmount,dueDate", rows.values());
        assertThat(expected).hasSizeGreaterThan(8);
        assertThat(ids(pages)).containsExactlyElementsOf(expected);
        assertThat(pages).allSatisfy(p -> assertThat(p.total()).isEqualTo(expected.size()));
    }

    @Test
    void shouldShowEveryUnmovedRowExactlyOnce_whenRowsAreInsertedChangedMovedAndDeletedBetweenPages() {
        // given r00..r29 due on 1, 2, ... 30 March, sorted by due date, in pages of 5
        Map<String, InvoiceRow> rows = store(IntStream.range(0, 30).mapToObj(i -> Rows.invoice(String.format("r%02d", i))
                .dueDate(LocalDate.parse("2026-03-01").plusDays(i)).build()).toList());

        // when, after the first page (r00..r04), rows change
        List<Page<InvoiceRow>> pages = walk(null, "dueDate", 5, rows, () -> {
            // inserted before the cursor: belongs to pages already shown
            rows.put("early", Rows.invoice("early").dueDate("2026-02-01").build());
            // inserted after the cursor, due 20 March like r19, before it by id
            rows.put("late", Rows.invoice("late").dueDate("2026-03-20").build());
            // not yet shown, moves before the cursor
            rows.put("r10", Rows.invoice("r10").dueDate("2026-02-15").build());
            // shown, moves after everything
            rows.put("r02", Rows.invoice("r02").dueDate("2026-04-15").build());
            // not yet shown, deleted
            rows.remove("r07");
            // not yet shown, changes a column it is not sorted by
            rows.put("r12", Rows.invoice("r12").dueDate("2026-03-13").amounts("1.00", "0.25", "1.25").build());
        });

        // then every row that did not move appears exactly once, in order; the inserted row after the cursor too
        List<String> shown = ids(pages);
        List<String> unmoved = IntStream.range(0, 30).mapToObj(i -> String.format("r%02d", i))
                .filter(id -> !List.of("r02", "r07", "r10").contains(id)).toList();
        assertThat(shown).containsAll(unmoved).contains("late").doesNotContain("early", "r07", "r10");
        assertThat(shown.stream().filter(id -> !id.equals("r02")).distinct().count())
                .isEqualTo(shown.size() - 2);
        assertThat(shown.subList(0, 5)).containsExactly("r00", "r01", "r02", "r03", "r04");
        assertThat(shown.subList(5, shown.size())).containsExactlyElementsOf(
                allInOrder(null, "dueDate", rows.values()).stream()
                        .filter(id -> !List.of("early", "r00", "r01", "r03", "r04", "r10").contains(id)).toList());
        assertThat(shown.get(shown.size() - 1)).as("the moved row, at its new place").isEqualTo("r02");
        assertThat(pages.get(pages.size() - 1).items()).extracting(InvoiceRow::invoiceId).contains("r02");
        assertThat(pages.stream().flatMap(p -> p.items().stream()).filter(r -> r.invoiceId().equals("r12")))
                .singleElement().extracting(InvoiceRow::grossAmount).hasToString("1.25");
    }

    @Test
    void shouldContinueAfterTheCursorsPlace_whenAllSortValuesTieAndTheCursorsRowIsDeleted() {
        // given 12 rows with the same due date: the order rests on invoiceId alone
        Map<String, InvoiceRow> rows = store(IntStream.range(0, 12).mapToObj(i -> Rows.invoice("t" + (char) ('a' + i))
                .build()).toList());
        Page<InvoiceRow> first = InvoiceQuery.parse(null, "dueDate", "4", null).page(rows.values(), TODAY);

        // when the last row shown is deleted and a row is inserted just after it
        rows.remove("td");
        rows.put("tda", Rows.invoice("tda").build());
        Page<InvoiceRow> second = InvoiceQuery.parse(null, "dueDate", "4", first.nextCursor())
                .page(rows.values(), TODAY);

        // then
        assertThat(first.items()).extracting(InvoiceRow::invoiceId).containsExactly("ta", "tb", "tc", "td");
        assertThat(second.items()).extracting(InvoiceRow::invoiceId).containsExactly("tda", "te", "tf", "tg");
    }

    @Test
    void shouldPageThroughMissingValues_whenTheCursorsRowHasNone() {
        // given 6 rows, 4 without PO number, which sort last both ways
        Map<String, InvoiceRow> rows = store(List.of(Rows.invoice("n1").build(), Rows.invoice("p1").poNumber("PO-1")
                .build(), Rows.invoice("n2").build(), Rows.invoice("n3").build(), Rows.invoice("p2").poNumber("PO-2")
                .build(), Rows.invoice("n4").build()));

        // when
        List<String> ascending = ids(walk(null, "poNumber", 2, rows, () -> { }));
        List<String> descending = ids(walk(null, "-poNumber", 3, rows, () -> { }));

        // then
        assertThat(ascending).containsExactly("p1", "p2", "n1", "n2", "n3", "n4");
        assertThat(descending).containsExactly("p2", "p1", "n1", "n2", "n3", "n4");
    }

    @Test
    void shouldEndWithoutCursor_whenRowsExactlyFillThePage() {
        // given
        List<InvoiceRow> rows = IntStream.range(0, 5).mapToObj(i -> Rows.invoice("x" + i).build()).toList();

        // when
        Page<InvoiceRow> page = InvoiceQuery.parse(null, null, "5", null).page(rows, TODAY);
        Page<InvoiceRow> none = InvoiceQuery.parse(null, null, null, null).page(List.of(), TODAY);

        // then
        assertThat(page.items()).hasSize(5);
        assertThat(page.nextCursor()).isNull();
        assertThat(none.items()).isEmpty();
        assertThat(none.nextCursor()).isNull();
        assertThat(none.total()).isZero();
    }

    @Test
    void shouldShowFiftyRows_whenNoLimitIsGiven() {
        // given
        List<InvoiceRow> rows = IntStream.range(0, 60).mapToObj(i -> Rows.invoice("x" + i).build()).toList();

        // when
        Page<InvoiceRow> page = InvoiceQuery.parse(null, null, " ", null).page(rows, TODAY);

        // then
        assertThat(page.items()).hasSize(50);
        assertThat(page.nextCursor()).isNotNull();
        assertThat(page.total()).isEqualTo(60);
        assertThat(InvoiceQuery.parse(null, null, "500", null).limit()).isEqualTo(500);
    }

    @Test
    void shouldAcceptTheCursor_whenOnlyTheLimitOrTheFiltersSpellingChanges() {
        // given a cursor after the first 2 of 6 paid invoices
        List<InvoiceRow> rows = IntStream.range(0, 6).mapToObj(i -> Rows.invoice("x" + i)
                .paid("2026-03-20", "1000.00").build()).toList();
        String cursor = InvoiceQuery.parse("status eq PAID", "dueDate", "2", null).page(rows, TODAY).nextCursor();

        // when the next page asks for 3 rows and writes the same filter differently
        Page<InvoiceRow> next = InvoiceQuery.parse("  STATUS = 'paid' ", "+dueDate", "3", cursor).page(rows, TODAY);

        // then
        assertThat(next.items()).extracting(InvoiceRow::invoiceId).containsExactly("x2", "x3", "x4");
    }

    private static FieldViolation cursorRefusal(String filter, String sort, String cursor) {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> InvoiceQuery.parse(filter, sort, null, cursor));
        assertThat(e).isNotNull();
        assertThat(e.violations()).hasSize(1);
        assertThat(e.violations().get(0).field()).isEqualTo("cursor");
        return e.violations().get(0);
    }

    @Test
    void shouldRefuseTheCursor_whenUsedWithAnotherFilterOrSortOrAlphabet() {
        // given a cursor of 'status eq PAID' sorted by due date
        List<InvoiceRow> rows = IntStream.range(0, 6).mapToObj(i -> Rows.invoice("x" + i)
                .paid("2026-03-20", "1000.00").build()).toList();
        String cursor = InvoiceQuery.parse("status eq PAID", "dueDate", "2", null).page(rows, TODAY).nextCursor();
        FieldViolation mismatch = new FieldViolation("cursor", "mismatch",
                "the cursor belongs to another filter or sort; ask for the first page again without a cursor");

        // when / then
        assertThat(cursorRefusal("status eq VOID", "dueDate", cursor)).isEqualTo(mismatch);
        assertThat(cursorRefusal(null, "dueDate", cursor)).isEqualTo(mismatch);
        assertThat(cursorRefusal("status eq PAID", "-dueDate", cursor)).isEqualTo(mismatch);
        assertThat(cursorRefusal("status eq PAID", null, cursor)).isEqualTo(mismatch);
        DomainException swedish = catchThrowableOfType(DomainException.class,
                () -> InvoiceQuery.parse("status eq PAID", "dueDate", null, cursor, Alphabet.SWEDISH));
        assertThat(swedish.violations()).containsExactly(mismatch);
    }

    @Test
    void shouldRefuseTheCursor_whenItIsNotOneTheApiIssued() {
        // given a real cursor
        List<InvoiceRow> rows = IntStream.range(0, 6).mapToObj(i -> Rows.invoice("x" + i).build()).toList();
        String cursor = InvoiceQuery.parse(null, "-grossAmount,number", "2", null).page(rows, TODAY).nextCursor();
        FieldViolation malformed = new FieldViolation("cursor", "malformed",
                "the cursor is not one this API issued; pass the nextCursor of the previous page unchanged");
        byte[] bytes = Base64.getUrlDecoder().decode(cursor);

        // when / then
        assertThat(cursorRefusal(null, "-grossAmount,number", "not base64!")).isEqualTo(malformed);
        assertThat(cursorRefusal(null, "-grossAmount,number", cursor.substring(0, cursor.length() - 3)))
                .isEqualTo(malformed);
        assertThat(cursorRefusal(null, "-grossAmount,number", cursor + "AAAA")).isEqualTo(malformed);
        assertThat(cursorRefusal(null, "-grossAmount,number", Base64.getUrlEncoder().encodeToString(
                "hello".getBytes(StandardCharsets.UTF_8)))).isEqualTo(malformed);
        bytes[0] = 9;
        assertThat(cursorRefusal(null, "-grossAmount,number", Base64.getUrlEncoder().encodeToString(bytes)))
                .isEqualTo(malformed);
        assertThat(cursorRefusal(null, "-grossAmount,number", "A".repeat(20_000))).isEqualTo(malformed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "501", "-1", "abc", "10.5", "99999999999"})
    void shouldRefuseTheLimit_whenNotAWholeNumberFrom1To500(String limit) {
        // given / when
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> InvoiceQuery.parse(null, null, limit, null));

        // then
        assertThat(e.violations()).containsExactly(new FieldViolation("limit", "range",
                "limit must be a whole number from 1 to 500, found '" + limit + "'"));
    }

    @Test
    void shouldNameEveryBrokenParameter_whenSeveralAreInvalid() {
        // given / when
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> InvoiceQuery.parse("status eq", "foo", "0", "garbage"));

        // then the filter, the sort and the limit (a cursor is only checked against a valid filter and sort)
        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("filter", "sort", "limit");
        assertThat(e.getMessage()).isEqualTo("3 fields are invalid");
    }
}

package io.invoiceflow.projections.list;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The list's order: every column both ways, missing values last, ties by invoiceId, Nordic alphabets. */
class SortOrderTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-04-01");

    /** Lower than {@link #HIGH} in every column; its id sorts last, so only the column can put it first. */
    private static final InvoiceRow LOW = new InvoiceRow("id-3", "INV-0001", 1L, "CREDITED", "100", "Anna",
            "111", "DKK", date("2026-01-01"), date("2026-01-15"), date("2026-01-20"), amount("9.75"),
            amount("9.75"), amount("9.75"), amount("9.75"), amount("9.75"), amount("9.75"), "CLONE", "o-1", "PO-1",
            "da", instant("2026-01-01T08:00:00Z"), "anna", instant("2026-01-02T08:00:00Z"), "anna",
            instant("2026-01-01T09:00:00Z"));
    private static final InvoiceRow HIGH = new InvoiceRow("id-2", "INV-0002", 2L, "PAID", "200", "Berit",
            "222", "NOK", date("2026-02-01"), date("2026-02-15"), date("2026-02-20"), amount("10.50"),
            amount("10.50"), amount("10.50"), amount("10.50"), amount("10.50"), amount("10.50"), "ORDER", "o-2",
            "PO-2", "nb", instant("2026-02-01T08:00:00Z"), "berit", instant("2026-02-02T08:00:00Z"), "berit",
            instant("2026-02-01T09:00:00Z"));
    /** Nothing but its id, which sorts first. */
    private static final InvoiceRow EMPTY = new InvoiceRow("id-1", null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static LocalDate date(String s) {
        return LocalDate.parse(s);
    }

    private static Instant instant(String s) {
        return Instant.parse(s);
    }

    private static BigDecimal amount(String s) {
        return new BigDecimal(s);
    }

    private static List<String> sorted(String sort, List<InvoiceRow> rows) {
        return sorted(sort, rows, Alphabet.NORWEGIAN_DANISH);
    }

    private static List<String> sorted(String sort, List<InvoiceRow> rows, Alphabet alphabet) {
        return InvoiceQuery.parse(null, sort, "500", null, alphabet).page(rows, TODAY).items().stream()
                .map(InvoiceRow::invoiceId).toList();
    }

    static Stream<String> columns() {
        return Stream.concat(Arrays.stream(Field.values()).filter(Field::isColumn).map(f -> f.apiName)
                .filter(name -> !name.equals("invoiceId")), Stream.of("number"));
    }

    @ParameterizedTest
    @MethodSource("columns")
    void shouldSortByColumnWithMissingValuesLast_whenAscending(String column) {
        // given rows with a low, a high and a missing value in every column
        List<InvoiceRow> rows = List.of(EMPTY, HIGH, LOW);

        // when
        List<String> ids = sorted(column, rows);

        // then
        assertThat(ids).containsExactly("id-3", "id-2", "id-1");
    }

    @ParameterizedTest
    @MethodSource("columns")
    void shouldSortByColumnWithMissingValuesLast_whenDescending(String column) {
        // given rows with a low, a high and a missing value in every column
        List<InvoiceRow> rows = List.of(LOW, EMPTY, HIGH);

        // when
        List<String> ids = sorted("-" + column, rows);

        // then
        assertThat(ids).containsExactly("id-2", "id-3", "id-1");
    }

    @Test
    void shouldSortByInvoiceIdBothWays_whenInvoiceIdIsTheColumn() {
        // given
        List<InvoiceRow> rows = List.of(LOW, EMPTY, HIGH);

        // when / then
        assertThat(sorted("invoiceId", rows)).containsExactly("id-1", "id-2", "id-3");
        assertThat(sorted("-invoiceId", rows)).containsExactly("id-3", "id-2", "id-1");
    }

    @Test
    void shouldSortNumbersNumerically_whenSortingByNumber() {
        // given INV-999 and INV-1000 (which sort the other way as text) and a draft without number
        List<InvoiceRow> rows = List.of(Rows.invoice("x1").number("INV-1000", 1000L).build(),
                Rows.draft("x2").build(), Rows.invoice("x3").number("INV-999", 999L).build());

        // when / then
        assertThat(sorted("number", rows)).containsExactly("x3", "x1", "x2");
        assertThat(sorted("-number", rows)).containsExactly("x1", "x3", "x2");
        assertThat(sorted("numberSequence", rows)).containsExactly("x3", "x1", "x2");
    }

    @Test
    void shouldBreakTiesByInvoiceIdAscending_whenSortValuesAreEqualInEitherDirection() {
        // given three rows with the same status and due date
        List<InvoiceRow> rows = List.of(Rows.invoice("z").build(), Rows.invoice("a").build(),
                Rows.invoice("m").build());

        // when / then
        assertThat(sorted("status", rows)).containsExactly("a", "m", "z");
        assertThat(sorted("-status", rows)).containsExactly("a", "m", "z");
        assertThat(sorted("-dueDate,status", rows)).containsExactly("a", "m", "z");
    }

    @Test
    void shouldSortByTheNextColumn_whenTheFirstIsEqual() {
        // given two rows due 15 March (numbers 7 and 3) and one due 1 April
        List<InvoiceRow> rows = List.of(Rows.invoice("a").dueDate("2026-03-15").number("INV-7", 7L).build(),
                Rows.invoice("b").dueDate("2026-04-01").number("INV-5", 5L).build(),
                Rows.invoice("c").dueDate("2026-03-15").number("INV-3", 3L).build());

        // when / then
        assertThat(sorted("-dueDate,number", rows)).containsExactly("b", "c", "a");
        assertThat(sorted("dueDate,-number", rows)).containsExactly("a", "c", "b");
        assertThat(sorted(" + dueDate , number ", rows)).containsExactly("c", "a", "b");
    }

    @Test
    void shouldSortNewestFirst_whenNoSortIsGiven() {
        // given
        List<InvoiceRow> rows = List.of(Rows.invoice("old").created("2026-01-01T00:00:00Z", "ola").build(),
                Rows.invoice("new").created("2026-03-01T00:00:00Z", "ola").build(),
                Rows.invoice("mid").created("2026-02-01T00:00:00Z", "ola").build());

        // when / then
        assertThat(sorted(null, rows)).containsExactly("new", "mid", "old");
        assertThat(sorted("  ", rows)).containsExactly("new", "mid", "old");
    }

    @Test
    void shouldSortTextCaseInsensitivelyWithNordicLettersAfterZ_whenAlphabetIsNorwegianOrSwedish() {
        // given customer names with Nordic letters, accents and mixed case
        List<String> names = List.of("Zeta", "Ærø", "Østby", "Åsane", "Älmhult", "Örebro", "apple", "Bakeri",
                "émile", "Eva");
        List<InvoiceRow> rows = names.stream().map(n -> Rows.invoice(n).customer("1", n).build()).toList();

        // when
        List<String> norwegian = sorted("customerName", rows, Alphabet.NORWEGIAN_DANISH);
        List<String> swedish = sorted("customerName", rows, Alphabet.SWEDISH);

        // then
        assertThat(norwegian).containsExactly("apple", "Bakeri", "émile", "Eva", "Zeta", "Ærø", "Älmhult", "Østby",
                "Örebro", "Åsane");
        assertThat(swedish).containsExactly("apple", "Bakeri", "émile", "Eva", "Zeta", "Åsane", "Älmhult", "Ærø",
                "Örebro", "Østby");
    }

    @Test
    void shouldOrderByExactCharacters_whenTextFoldsAlike() {
        // given names equal but for case and accent, with ids against that order
        List<InvoiceRow> rows = List.of(Rows.invoice("1").customer("1", "cafe").build(),
                Rows.invoice("2").customer("1", "Café").build(), Rows.invoice("3").customer("1", "Cafe").build());

        // when / then ('C' < 'c' and 'e' < 'é')
        assertThat(sorted("customerName", rows)).containsExactly("3", "2", "1");
        assertThat(sorted("-customerName", rows)).containsExactly("1", "2", "3");
    }

    @Test
    void shouldPickTheAlphabetOfTheTenantsCountry_whenCountryIsGiven() {
        // given / when / then
        assertThat(Alphabet.ofCountry("SE")).isEqualTo(Alphabet.SWEDISH);
        assertThat(Alphabet.ofCountry("fi")).isEqualTo(Alphabet.SWEDISH);
        assertThat(Alphabet.ofCountry("NO")).isEqualTo(Alphabet.NORWEGIAN_DANISH);
        assertThat(Alphabet.ofCountry("DK")).isEqualTo(Alphabet.NORWEGIAN_DANISH);
        assertThat(Alphabet.ofCountry(null)).isEqualTo(Alphabet.NORWEGIAN_DANISH);
    }

    private static FieldViolation refusal(String sort) {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> InvoiceQuery.parse(null, sort, null, null));
        assertThat(e).as("refused: %s", sort).isNotNull();
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    @Test
    void shouldRefuseOnFieldSort_whenColumnIsUnknown() {
        // given / when
        FieldViolation violation = refusal("-dueDat");

        // then
        assertThat(violation.field()).isEqualTo("sort");
        assertThat(violation.rule()).isEqualTo("unknown-column");
        assertThat(violation.message()).startsWith("unknown sort column 'dueDat'; columns are invoiceId, number,")
                .contains("dueDate", "finalizedAt");
    }

    @Test
    void shouldRefuseOnFieldSort_whenSortingByComputedField() {
        // given / when / then
        assertThat(refusal("overdue").message()).startsWith("cannot sort by overdue (not a column); columns are ");
        assertThat(refusal("q").rule()).isEqualTo("unknown-column");
    }

    @Test
    void shouldRefuseOnFieldSort_whenColumnIsNamedTwice() {
        // given / when / then
        assertThat(refusal("dueDate,-dueDate")).isEqualTo(new FieldViolation("sort", "duplicate-column",
                "sort names dueDate twice"));
        assertThat(refusal("number,numberSequence").rule()).isEqualTo("duplicate-column");
    }

    @Test
    void shouldRefuseOnFieldSort_whenAColumnNameIsEmpty() {
        // given / when / then
        assertThat(refusal("dueDate,,number")).isEqualTo(new FieldViolation("sort", "syntax",
                "sort has an empty column name in 'dueDate,,number'; write columns separated by commas,"
                        + " such as -dueDate,number"));
        assertThat(refusal("-").rule()).isEqualTo("syntax");
    }
}

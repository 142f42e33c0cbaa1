package io.invoiceflow.web.api;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Filtering (Q5: mine, active, deactivated) and sorting by any column of the catalogue list. */
class FrequencyListingTest {
    private static final List<Frequencies.Row> ROWS = List.of(
            row("a", "Kvartal", 3, LocalDate.of(2026, 3, 31), true, "ada"),
            row("b", "bokføring", 0, null, true, "oda"),
            row("c", "Årlig", 7, LocalDate.of(2026, 12, 31), false, "ada"),
            row("d", "Annenhver fredag", 3, LocalDate.of(2026, 1, 16), true, "ada"));

    private static Frequencies.Row row(String id, String name, int inUse, LocalDate next, boolean active, String by) {
        return new Frequencies.Row(id, name, false, name, FrequencyPattern.daily(1), LocalDate.of(2026, 1, 1),
                FrequencyEnd.never(), "Ingen sluttdato", "RRULE", next, inUse, active, by, Instant.EPOCH, by, null,
                Instant.EPOCH);
    }

    private static List<String> ids(List<Frequencies.Row> rows) {
        return rows.stream().map(Frequencies.Row::frequencyId).toList();
    }

    @Test
    void shouldShowActiveByName_whenNoOptionIsGiven() {
        // given / when
        List<Frequencies.Row> rows = FrequencyListing.select(ROWS, null, null, null, null, "ada");

        // then: active only, by name ignoring case
        assertThat(ids(rows)).containsExactly("d", "b", "a");
    }

    @Test
    void shouldFilterAndSort_whenOptionsAreGiven() {
        // given / when
        List<Frequencies.Row> deactivated = FrequencyListing.select(ROWS, "deactivated", null, null, null, "ada");
        List<Frequencies.Row> mine = FrequencyListing.select(ROWS, "all", "true", "inUse", "desc", "ada");
        List<Frequencies.Row> byNext = FrequencyListing.select(ROWS, "all", "false", "nextDate", "asc", "ada");
        List<Frequencies.Row> byNextDesc = FrequencyListing.select(ROWS, "all", null, "nextDate", "desc", "ada");

        // then
        assertThat(ids(deactivated)).containsExactly("c");
        assertThat(ids(mine)).as("ties by name").containsExactly("c", "d", "a");
        assertThat(ids(byNext)).as("no next date last").containsExactly("d", "a", "c", "b");
        assertThat(ids(byNextDesc)).containsExactly("c", "a", "d", "b");
    }

    @Test
    void shouldRefuseNamingTheParameter_whenAnOptionIsUnknown() {
        // given / when / then
        assertThat(field(() -> FrequencyListing.select(ROWS, "paused", null, null, null, "ada"))).isEqualTo("status one-of");
        assertThat(field(() -> FrequencyListing.select(ROWS, null, "yes", null, null, "ada"))).isEqualTo("mine one-of");
        assertThat(field(() -> FrequencyListing.select(ROWS, null, null, "colour", null, "ada"))).isEqualTo("sort one-of");
        assertThat(field(() -> FrequencyListing.select(ROWS, null, null, null, "up", "ada"))).isEqualTo("direction one-of");
    }

    private static String field(Runnable call) {
        DomainException e = catchThrowableOfType(DomainException.class, call::run);
        return e.violations().get(0).field() + " " + e.violations().get(0).rule();
    }
}

package io.invoiceflow.recurrence;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

import static org.assertj.core.api.Assertions.assertThat;

/** A run is due exactly once per date, at the local time, and a gap moves it later by the gap's length. */
class DueTimesTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            // ordinary days
            "Europe/Oslo, 2026-01-15, 06:15, 2026-01-15T05:15:00Z",
            "Europe/Oslo, 2026-07-15, 06:15, 2026-07-15T04:15:00Z",
            // spring forward 02:00 -> 03:00: 02:30 does not exist, the run is due at 03:30 CEST
            "Europe/Oslo, 2026-03-29, 02:30, 2026-03-29T01:30:00Z",
            // fall back 03:00 -> 02:00: 02:30 happens twice, the run is due at the first (CEST)
            "Europe/Oslo, 2026-10-25, 02:30, 2026-10-25T00:30:00Z",
            "America/New_York, 2026-03-08, 02:15, 2026-03-08T07:15:00Z",
            "America/New_York, 2026-11-01, 01:30, 2026-11-01T05:30:00Z",
            // Lord Howe moves by half an hour: 02:00 -> 02:30, and 02:00 -> 01:30
            "Australia/Lord_Howe, 2026-10-04, 02:15, 2026-10-03T15:45:00Z",
            "Australia/Lord_Howe, 2026-04-05, 01:45, 2026-04-04T14:45:00Z",
            // Cairo springs forward at midnight (00:00 -> 01:00) and falls back at midnight (24:00 -> 23:00)
            "Africa/Cairo, 2026-04-24, 00:15, 2026-04-23T22:15:00Z",
            "Africa/Cairo, 2026-10-29, 23:30, 2026-10-29T20:30:00Z",
    })
    void shouldBeDueAtTheDocumentedInstant_whenTheLocalTimeIsOrdinaryMissingOrRepeated(String zone, LocalDate date,
                                                                                      LocalTime time, Instant expected) {
        // given / when
        Instant due = DueTimes.dueAt(date, time, ZoneId.of(zone));

        // then
        assertThat(due).isEqualTo(expected);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZoneId.of("Europe/Oslo"), ZoneId.of("America/New_York"),
                ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Africa/Cairo"));
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.oneOf(
                Arbitraries.of(LocalTime.MIDNIGHT, LocalTime.of(0, 15), LocalTime.of(0, 30), LocalTime.of(1, 30),
                        LocalTime.of(1, 45), LocalTime.of(2, 0), LocalTime.of(2, 15), LocalTime.of(2, 30),
                        LocalTime.of(2, 59), LocalTime.of(3, 0), LocalTime.of(6, 15), LocalTime.of(23, 30)),
                Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.of(m / 60, m % 60)));
    }

    @Property(tries = 60)
    void shouldBeDueOncePerDateInStrictlyIncreasingInstants_whenAYearOfDatesCrossesEveryTransition(
            @ForAll("zones") ZoneId zone, @ForAll("times") LocalTime time,
            @ForAll @IntRange(min = 2000, max = 2060) int year) {
        // given every date of a year (so both daylight-saving changes, where the zone has them)
        Instant previous = Instant.MIN;
        for (LocalDate date = LocalDate.of(year, 1, 1); date.getYear() == year; date = date.plusDays(1)) {
            // when
            Instant due = DueTimes.dueAt(date, time, zone);

            // then: later than the date before, on its own date, at the time (or shifted over a gap)
            assertThat(due).as("%s %s %s", zone, date, time).isAfter(previous);
            ZonedDateTime local = due.atZone(zone);
            ZoneOffsetTransition transition = zone.getRules().getTransition(date.atTime(time));
            Duration shift = transition != null && transition.isGap() ? transition.getDuration() : Duration.ZERO;
            assertThat(local.toLocalDateTime()).as("%s %s %s", zone, date, time)
                    .isEqualTo(date.atTime(time).plus(shift));
            if (transition != null && transition.isOverlap()) {
                assertThat(local.getOffset()).isEqualTo(transition.getOffsetBefore());
            }
            previous = due;
        }
    }
}

package io.invoiceflow.recurrence;

import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of {@link Recurrence} over random patterns (see {@link Patterns}): the arithmetic equals
 * lib-recur's RFC 5545 expansion, dates strictly increase and match the pattern with none missed, a
 * search from any date gives the same dates as the whole series (no drift), the end holds, and the
 * RRULE text round-trips. Tries are kept moderate: the CI budget is shared.
 */
class RecurrencePropertiesTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Oslo"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Africa/Cairo"));

    @Provide
    Arbitrary<FrequencyDefinition> definitions() {
        return Patterns.definitions();
    }

    @Provide
    Arbitrary<FrequencyDefinition> endless() {
        return Patterns.endless();
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES);
    }

    @Property(tries = 300)
    void shouldEqualLibRecur_whenExpandingFromTheAnchor(@ForAll("definitions") FrequencyDefinition definition) {
        // given
        Recurrence recurrence = new Recurrence(definition);
        LibRecurReference reference = new LibRecurReference(definition);

        // when
        List<LocalDate> fast = recurrence.next(40, definition.anchor());
        List<LocalDate> expected = reference.first(40);

        // then
        assertThat(fast).as("%s", definition).containsExactlyElementsOf(expected);
    }

    @Property(tries = 300)
    void shouldEqualLibRecur_whenAskedForTheDateAfterAnyDate(@ForAll("definitions") FrequencyDefinition definition,
                                                             @ForAll @IntRange(min = -60, max = 6000) int offset) {
        // given
        LocalDate date = definition.anchor().plusDays(offset);

        // when
        Optional<LocalDate> fast = new Recurrence(definition).nextAfter(date);
        Optional<LocalDate> expected = new LibRecurReference(definition).nextAfter(date);

        // then
        assertThat(fast).as("%s after %s", definition, date).isEqualTo(expected);
    }

    @Property(tries = 200)
    void shouldStrictlyIncreaseAndMatchThePatternWithoutGaps(@ForAll("definitions") FrequencyDefinition definition) {
        // given
        Recurrence recurrence = new Recurrence(definition);

        // when
        List<LocalDate> dates = recurrence.next(30, definition.anchor());

        // then
        assertThat(dates).isNotEmpty();
        LocalDate previous = definition.anchor().minusDays(1);
        for (LocalDate date : dates) {
            assertThat(date).as("%s", definition).isAfter(previous);
            assertThat(Patterns.matches(definition, date)).as("%s matches %s", date, definition).isTrue();
            if (previous.plusDays(4000).isAfter(date)) {
                for (LocalDate between = previous.plusDays(1); between.isBefore(date); between = between.plusDays(1)) {
                    assertThat(Patterns.matches(definition, between)).as("%s was skipped in %s", between, definition)
                            .isFalse();
                }
            }
            previous = date;
        }
    }

    @Property(tries = 200)
    void shouldGiveTheSameDates_whenSearchingFromAnyDate(@ForAll("definitions") FrequencyDefinition definition,
                                                        @ForAll @IntRange(min = 0, max = 5000) int offset) {
        // given the whole series from the anchor, and a date somewhere in it
        Recurrence recurrence = new Recurrence(definition);
        List<LocalDate> series = recurrence.next(200, definition.anchor());
        LocalDate from = definition.anchor().plusDays(offset);
        List<LocalDate> expected = series.stream().filter(d -> !d.isBefore(from)).limit(5).toList();
        Assume.that(expected.size() == 5 || series.size() < 200);

        // when
        List<LocalDate> found = recurrence.next(5, from);

        // then
        assertThat(found).as("%s from %s", definition, from).containsExactlyElementsOf(expected);
    }

    @Property(tries = 200)
    void shouldStopWhereTheEndSays(@ForAll("endless") FrequencyDefinition endless,
                                   @ForAll @IntRange(min = 1, max = 60) int count,
                                   @ForAll @IntRange(min = 0, max = 4000) int days) {
        // given the same pattern ending after a count, and on a date
        List<LocalDate> all = new Recurrence(endless).next(count + 1, endless.anchor());
        Recurrence afterCount = new Recurrence(new FrequencyDefinition(endless.pattern(), endless.anchor(),
                FrequencyEnd.after(count)));
        LocalDate until = endless.anchor().plusDays(days);
        Recurrence onDate = new Recurrence(new FrequencyDefinition(endless.pattern(), endless.anchor(),
                FrequencyEnd.on(until)));

        // when
        List<LocalDate> counted = afterCount.next(count + 5, endless.anchor());
        List<LocalDate> dated = onDate.next(days + 2, endless.anchor());

        // then
        assertThat(counted).containsExactlyElementsOf(all.subList(0, count));
        assertThat(afterCount.nextAfter(all.get(count - 1))).isEmpty();
        assertThat(dated).allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(until));
        assertThat(dated).containsExactlyElementsOf(new Recurrence(endless).next(dated.size(), endless.anchor()));
        Optional<LocalDate> beyond = new Recurrence(endless).nextAfter(dated.isEmpty() ? endless.anchor().minusDays(1)
                : dated.get(dated.size() - 1));
        assertThat(beyond).hasValueSatisfying(d -> assertThat(d).isAfter(until));
    }

    @Property(tries = 200)
    void shouldKeepTheDates_whenWrittenAsRruleAndReadBack(@ForAll("definitions") FrequencyDefinition definition,
                                                          @ForAll("zones") ZoneId zone) {
        // given a definition whose first date lies in the supported range (a text with a later DTSTART is refused)
        Assume.that(new Recurrence(definition).first().filter(d -> !d.isAfter(PatternRules.MAX_DATE)).isPresent());
        String text = RRules.format(definition, zone);

        // when
        FrequencyDefinition read = RRules.parse(text, null, zone);

        // then
        assertThat(read.pattern()).isEqualTo(definition.pattern());
        assertThat(read.end()).isEqualTo(definition.end());
        assertThat(read.anchor()).isEqualTo(new Recurrence(definition).first().orElseThrow());
        assertThat(new Recurrence(read).next(30, definition.anchor()))
                .containsExactlyElementsOf(new Recurrence(definition).next(30, definition.anchor()));
        assertThat(RRules.format(read, zone)).isEqualTo(text);
    }
}

package io.invoiceflow.recurrence;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.frequency.DayRule;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.FrequencyUnit;
import io.invoiceflow.events.frequency.ShortMonths;
import io.invoiceflow.events.frequency.WeekPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bad patterns are refused with the field path and the rule; good ones come back canonical. */
class PatternRulesTest {
    private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 31);

    private static FrequencyPattern monthly(Integer interval, DayRule rule, Integer day, WeekPosition position,
                                            DayOfWeek weekday) {
        return new FrequencyPattern(FrequencyUnit.MONTHLY, interval, null, rule, day, position, weekday, null, null, null);
    }

    static Stream<Arguments> badDefinitions() {
        return Stream.of(
                Arguments.of("no pattern", new FrequencyDefinition(null, ANCHOR, null), "pattern", "required"),
                Arguments.of("interval 0", def(FrequencyPattern.daily(0)), "pattern.interval", "range"),
                Arguments.of("interval 1000", def(FrequencyPattern.daily(1000)), "pattern.interval", "range"),
                Arguments.of("no interval", def(monthly(null, DayRule.LAST_DAY, null, null, null)), "pattern.interval", "required"),
                Arguments.of("day 32", def(monthly(1, DayRule.DAY_OF_MONTH, 32, null, null)), "pattern.dayOfMonth", "range"),
                Arguments.of("day 0", def(monthly(1, DayRule.DAY_OF_MONTH, 0, null, null)), "pattern.dayOfMonth", "range"),
                Arguments.of("no day", def(monthly(1, DayRule.DAY_OF_MONTH, null, null, null)), "pattern.dayOfMonth", "required"),
                Arguments.of("30 February", def(FrequencyPattern.yearlyOnDay(1, Month.FEBRUARY, 30)), "pattern.dayOfMonth", "range"),
                Arguments.of("no day rule", def(monthly(1, null, null, null, null)), "pattern.dayRule", "required"),
                Arguments.of("nth weekday without position", def(monthly(1, DayRule.NTH_WEEKDAY, null, null, DayOfWeek.FRIDAY)),
                        "pattern.position", "required"),
                Arguments.of("nth weekday with a day", def(monthly(1, DayRule.NTH_WEEKDAY, 5, WeekPosition.LAST, DayOfWeek.FRIDAY)),
                        "pattern.dayOfMonth", "not-applicable"),
                Arguments.of("weekly without weekdays", def(FrequencyPattern.weekly(1)), "pattern.weekdays", "min-items"),
                Arguments.of("daily with a weekday", def(new FrequencyPattern(FrequencyUnit.DAILY, 1, List.of(DayOfWeek.MONDAY),
                        null, null, null, null, null, null, null)), "pattern.weekdays", "not-applicable"),
                Arguments.of("yearly without month", def(new FrequencyPattern(FrequencyUnit.YEARLY, 1, null, DayRule.LAST_DAY,
                        null, null, null, null, null, null)), "pattern.month", "required"),
                Arguments.of("yearly with months", def(FrequencyPattern.yearlyOnDay(1, Month.MAY, 1).inMonths(Month.JUNE)),
                        "pattern.months", "not-applicable"),
                Arguments.of("no frequency", def(new FrequencyPattern(null, 1, null, null, null, null, null, null, null, null)),
                        "pattern.frequency", "required"),
                Arguments.of("31st, skipping, only in short months",
                        def(FrequencyPattern.monthlyOnDay(1, 31).inMonths(Month.APRIL, Month.JUNE).withShortMonths(ShortMonths.SKIP)),
                        "pattern", "never-occurs"),
                Arguments.of("every other month, only in a month the phase never reaches",
                        def(FrequencyPattern.monthlyOnDay(2, 1).inMonths(Month.FEBRUARY)), "pattern", "never-occurs"),
                Arguments.of("end before the anchor", new FrequencyDefinition(FrequencyPattern.daily(1), ANCHOR,
                        FrequencyEnd.on(ANCHOR.minusDays(1))), "end.until", "not-before-anchor"),
                Arguments.of("end before the first date", new FrequencyDefinition(FrequencyPattern.monthlyOnDay(1, 15), ANCHOR,
                        FrequencyEnd.on(ANCHOR.plusDays(10))), "end.until", "before-first-occurrence"),
                Arguments.of("zero occurrences", new FrequencyDefinition(FrequencyPattern.daily(1), ANCHOR,
                        FrequencyEnd.after(0)), "end.occurrences", "range"),
                Arguments.of("end without kind", new FrequencyDefinition(FrequencyPattern.daily(1), ANCHOR,
                        new FrequencyEnd(null, null, null)), "end.kind", "required"),
                Arguments.of("count with a date", new FrequencyDefinition(FrequencyPattern.daily(1), ANCHOR,
                        new FrequencyEnd(FrequencyEnd.Kind.AFTER_OCCURRENCES, 3, ANCHOR)), "end.until", "not-applicable"),
                Arguments.of("no anchor", new FrequencyDefinition(FrequencyPattern.daily(1), null, null), "anchor", "required"),
                Arguments.of("anchor before 2000", new FrequencyDefinition(FrequencyPattern.daily(1), LocalDate.of(1999, 12, 31),
                        null), "anchor", "range"));
    }

    private static FrequencyDefinition def(FrequencyPattern pattern) {
        return new FrequencyDefinition(pattern, ANCHOR, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDefinitions")
    void shouldRefuseNamingTheField_whenTheDefinitionBreaksARule(String name, FrequencyDefinition definition,
                                                                String field, String rule) {
        // given / when
        DomainException e = catchThrowableOfType(DomainException.class, () -> PatternRules.canonical(definition));

        // then
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).extracting(v -> v.field() + " " + v.rule()).contains(field + " " + rule);
    }

    @Test
    void shouldCanonicalise_whenFieldsAreUnsortedOrDefaulted() {
        // given weekdays out of order and twice, no end, a 31st without a policy
        FrequencyDefinition weekly = new FrequencyDefinition(new FrequencyPattern(FrequencyUnit.WEEKLY, 2,
                List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.FRIDAY), null, null, null, null, null, null, null),
                ANCHOR, null);
        FrequencyDefinition monthly = def(monthly(1, DayRule.DAY_OF_MONTH, 31, null, null));
        FrequencyDefinition longMonthsOnly = def(FrequencyPattern.monthlyOnDay(1, 31).inMonths(Month.JULY, Month.JANUARY));

        // when
        FrequencyDefinition a = PatternRules.canonical(weekly);
        FrequencyDefinition b = PatternRules.canonical(monthly);
        FrequencyDefinition c = PatternRules.canonical(longMonthsOnly);

        // then
        assertThat(a.pattern().weekdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        assertThat(a.pattern().months()).isEmpty();
        assertThat(a.end()).isEqualTo(FrequencyEnd.never());
        assertThat(b.pattern().shortMonths()).isEqualTo(ShortMonths.LAST_DAY);
        assertThat(c.pattern().months()).containsExactly(Month.JANUARY, Month.JULY);
        assertThat(c.pattern().shortMonths()).as("no chosen month is short").isNull();
    }
}

package io.invoiceflow.recurrence;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.frequency.DayRule;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.FrequencyUnit;
import io.invoiceflow.events.frequency.ShortMonths;
import io.invoiceflow.events.frequency.WeekPosition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * Random frequency definitions for the property tests, biased to where calendars break: anchors on the
 * 28th-31st and on 29 February, days of the month 28-31 with both {@link ShortMonths} policies, small and
 * large intervals, month filters and every end rule. Also an oracle that says whether a date matches a
 * definition, written with {@code java.time} only, independent of {@link Recurrence}'s arithmetic.
 */
final class Patterns {
    private Patterns() {
    }

    /** Canonical, valid definitions (those the rules refuse, such as patterns that never occur, are left out). */
    static Arbitrary<FrequencyDefinition> definitions() {
        return Combinators.combine(patterns(), anchors(), Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(1, 40), Arbitraries.integers().between(0, 3000))
                .as((pattern, anchor, endKind, count, days) -> {
                    FrequencyEnd end = endKind < 6 ? FrequencyEnd.never()
                            : endKind < 8 ? FrequencyEnd.after(count) : FrequencyEnd.on(anchor.plusDays(days));
                    return canonical(new FrequencyDefinition(pattern, anchor, end));
                })
                .filter(Optional::isPresent)
                .map(Optional::get);
    }

    /** Definitions without an end. */
    static Arbitrary<FrequencyDefinition> endless() {
        return Combinators.combine(patterns(), anchors())
                .as((pattern, anchor) -> canonical(new FrequencyDefinition(pattern, anchor, FrequencyEnd.never())))
                .filter(Optional::isPresent)
                .map(Optional::get);
    }

    static Arbitrary<FrequencyPattern> patterns() {
        Arbitrary<Integer> interval = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(1, 4)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(5, 26)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(27, 999)));
        Arbitrary<List<Month>> months = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(7, Arbitraries.just(List.<Month>of())),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(Month.class).list().ofMinSize(1).ofMaxSize(5).uniqueElements()));
        Arbitrary<List<DayOfWeek>> weekdays = Arbitraries.of(DayOfWeek.class).list().ofMinSize(1).ofMaxSize(7).uniqueElements();
        Arbitrary<Integer> dayOfMonth = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(28, 31)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(1, 27)));
        Arbitrary<ShortMonths> shortMonths = Arbitraries.of(ShortMonths.class);
        Arbitrary<DayRule> dayRule = Arbitraries.of(DayRule.class);
        Arbitrary<WeekPosition> position = Arbitraries.of(WeekPosition.class);
        Arbitrary<DayOfWeek> weekday = Arbitraries.of(DayOfWeek.class);
        Arbitrary<Month> month = Arbitraries.of(Month.class);
        return Combinators.combine(Arbitraries.of(FrequencyUnit.class), interval, weekdays, dayRule, dayOfMonth,
                        position, weekday, month)
                .flatAs((unit, n, days, rule, day, pos, wd, m) -> Combinators.combine(months, shortMonths)
                        .as((only, policy) -> switch (unit) {
                            case DAILY -> new FrequencyPattern(unit, n, List.of(), null, null, null, null, null, only, null);
                            case WEEKLY -> new FrequencyPattern(unit, n, days, null, null, null, null, null, only, null);
                            case MONTHLY -> byDay(unit, n, rule, day, pos, wd, null, only, policy);
                            case YEARLY -> byDay(unit, n, rule, Math.min(day, m.maxLength()), pos, wd, m, List.of(), policy);
                        }));
    }

    private static FrequencyPattern byDay(FrequencyUnit unit, int n, DayRule rule, int day, WeekPosition pos,
                                          DayOfWeek wd, Month month, List<Month> only, ShortMonths policy) {
        return switch (rule) {
            case DAY_OF_MONTH -> new FrequencyPattern(unit, n, List.of(), rule, day, null, null, month, only, policy);
            case LAST_DAY -> new FrequencyPattern(unit, n, List.of(), rule, null, null, null, month, only, null);
            case NTH_WEEKDAY -> new FrequencyPattern(unit, n, List.of(), rule, null, pos, wd, month, only, null);
        };
    }

    /** Anchors from 2000 to 2060, half of them on the 28th-31st, some on 29 February. */
    static Arbitrary<LocalDate> anchors() {
        Arbitrary<LocalDate> monthEnd = Combinators.combine(Arbitraries.integers().between(2000, 2060),
                        Arbitraries.integers().between(1, 12), Arbitraries.integers().between(28, 31))
                .as((y, m, d) -> LocalDate.of(y, m, Math.min(d, YearMonth.of(y, m).lengthOfMonth())));
        Arbitrary<LocalDate> leapDay = Arbitraries.integers().between(500, 515).map(q -> LocalDate.of(q * 4, 2, 29));
        Arbitrary<LocalDate> any = Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(),
                LocalDate.of(2060, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, monthEnd), net.jqwik.api.Tuple.of(2, leapDay),
                net.jqwik.api.Tuple.of(3, any));
    }

    private static Optional<FrequencyDefinition> canonical(FrequencyDefinition definition) {
        try {
            return Optional.of(PatternRules.canonical(definition));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code date} matches the canonical definition's pattern (the end is not considered). */
    static boolean matches(FrequencyDefinition d, LocalDate date) {
        FrequencyPattern p = d.pattern();
        LocalDate anchor = d.anchor();
        if (date.isBefore(anchor) || !p.months().isEmpty() && !p.months().contains(date.getMonth())) {
            return false;
        }
        int n = p.interval();
        return switch (p.frequency()) {
            case DAILY -> ChronoUnit.DAYS.between(anchor, date) % n == 0;
            case WEEKLY -> p.weekdays().contains(date.getDayOfWeek())
                    && ChronoUnit.WEEKS.between(monday(anchor), monday(date)) % n == 0;
            case MONTHLY -> ChronoUnit.MONTHS.between(YearMonth.from(anchor), YearMonth.from(date)) % n == 0
                    && dayMatches(p, date);
            case YEARLY -> (date.getYear() - anchor.getYear()) % n == 0 && date.getMonth() == p.month()
                    && dayMatches(p, date);
        };
    }

    private static boolean dayMatches(FrequencyPattern p, LocalDate date) {
        int length = date.lengthOfMonth();
        return switch (p.dayRule()) {
            case DAY_OF_MONTH -> p.dayOfMonth() <= length ? date.getDayOfMonth() == p.dayOfMonth()
                    : p.shortMonths() == ShortMonths.LAST_DAY && date.getDayOfMonth() == length;
            case LAST_DAY -> date.getDayOfMonth() == length;
            case NTH_WEEKDAY -> date.getDayOfWeek() == p.weekday() && (p.position() == WeekPosition.LAST
                    ? date.getDayOfMonth() + 7 > length
                    : (date.getDayOfMonth() - 1) / 7 == p.position().ordinal());
        };
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}

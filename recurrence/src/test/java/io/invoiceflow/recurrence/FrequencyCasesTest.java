package io.invoiceflow.recurrence;

import io.invoiceflow.events.frequency.DayRule;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.FrequencyUnit;
import io.invoiceflow.events.frequency.ShortMonths;
import io.invoiceflow.events.frequency.WeekPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-checked cases: every example of the help text on subscription frequencies (seed 003: "hver 4.
 * dag", "annenhver uke", "hver 6. måned", "siste fredag i måneden", "tredje mandag i februar",
 * "den siste fredagen i desember annethvert år", ...) and the month-end, leap-day and end-rule
 * cases. Each row: the pattern, anchor and end; the first dates on or after a date; the names in
 * Norwegian bokmål, Swedish and English. The dates were checked against a calendar, not computed
 * by this code; lib-recur and the RRULE form must agree with them too.
 */
class FrequencyCasesTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    static Stream<Arguments> cases() {
        return Stream.of(
                row("seed: daily (1)",
                        FrequencyPattern.daily(1),
                        "2026-01-30", FrequencyEnd.never(), "2026-01-30", 4,
                        List.of("2026-01-30", "2026-01-31", "2026-02-01", "2026-02-02"),
                        "Hver dag", "Varje dag", "Every day"),
                row("seed: every other day (2), across February's end",
                        FrequencyPattern.daily(2),
                        "2026-02-25", FrequencyEnd.never(), "2026-02-25", 5,
                        List.of("2026-02-25", "2026-02-27", "2026-03-01", "2026-03-03", "2026-03-05"),
                        "Hver 2. dag", "Var 2:a dag", "Every 2 days"),
                row("seed: every 4th day",
                        FrequencyPattern.daily(4),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 5,
                        List.of("2026-01-01", "2026-01-05", "2026-01-09", "2026-01-13", "2026-01-17"),
                        "Hver 4. dag", "Var 4:e dag", "Every 4 days"),
                row("seed: every 30th day (better monthly, but allowed)",
                        FrequencyPattern.daily(30),
                        "2026-01-31", FrequencyEnd.never(), "2026-01-31", 5,
                        List.of("2026-01-31", "2026-03-02", "2026-04-01", "2026-05-01", "2026-05-31"),
                        "Hver 30. dag", "Var 30:e dag", "Every 30 days"),
                row("seed: every Monday, anchor on a Thursday",
                        FrequencyPattern.weekly(1, MONDAY),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 5,
                        List.of("2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"),
                        "Hver mandag", "Varje måndag", "Every Monday"),
                row("seed: every other Friday",
                        FrequencyPattern.weekly(2, FRIDAY),
                        "2026-01-02", FrequencyEnd.never(), "2026-01-02", 5,
                        List.of("2026-01-02", "2026-01-16", "2026-01-30", "2026-02-13", "2026-02-27"),
                        "Hver 2. uke på fredag", "Var 2:a vecka på fredag", "Every 2 weeks on Friday"),
                row("Monday and Friday every week",
                        FrequencyPattern.weekly(1, MONDAY, FRIDAY),
                        "2026-03-25", FrequencyEnd.never(), "2026-03-25", 5,
                        List.of("2026-03-27", "2026-03-30", "2026-04-03", "2026-04-06", "2026-04-10"),
                        "Hver mandag og fredag", "Varje måndag och fredag", "Every Monday and Friday"),
                row("three weekdays every third week",
                        FrequencyPattern.weekly(3, MONDAY, WEDNESDAY, FRIDAY),
                        "2026-01-07", FrequencyEnd.never(), "2026-01-07", 6,
                        List.of("2026-01-07", "2026-01-09", "2026-01-26", "2026-01-28", "2026-01-30", "2026-02-16"),
                        "Hver 3. uke på mandag, onsdag og fredag", "Var 3:e vecka på måndag, onsdag och fredag", "Every 3 weeks on Monday, Wednesday and Friday"),
                row("every other Tuesday, anchor after the Tuesday of its week",
                        FrequencyPattern.weekly(2, TUESDAY),
                        "2026-01-07", FrequencyEnd.never(), "2026-01-07", 5,
                        List.of("2026-01-20", "2026-02-03", "2026-02-17", "2026-03-03", "2026-03-17"),
                        "Hver 2. uke på tirsdag", "Var 2:a vecka på tisdag", "Every 2 weeks on Tuesday"),
                row("a weekly anchor on the weekday is the first date",
                        FrequencyPattern.weekly(1, THURSDAY),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 3,
                        List.of("2026-01-01", "2026-01-08", "2026-01-15"),
                        "Hver torsdag", "Varje torsdag", "Every Thursday"),
                row("seed: the first of every month",
                        FrequencyPattern.monthlyOnDay(1, 1),
                        "2026-01-15", FrequencyEnd.never(), "2026-01-15", 5,
                        List.of("2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"),
                        "Den 1. i måneden", "Den 1:a i månaden", "Every month on the 1st"),
                row("seed: every 6th month",
                        FrequencyPattern.monthlyOnDay(6, 1),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 4,
                        List.of("2026-01-01", "2026-07-01", "2027-01-01", "2027-07-01"),
                        "Den 1. i hver 6. måned", "Den 1:a i var 6:e månad", "Every 6 months on the 1st"),
                row("seed: the last Friday of every other month",
                        FrequencyPattern.monthlyOnWeekday(2, WeekPosition.LAST, FRIDAY),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 5,
                        List.of("2026-01-30", "2026-03-27", "2026-05-29", "2026-07-31", "2026-09-25"),
                        "Siste fredag i hver 2. måned", "Sista fredagen i var 2:a månad", "Every 2 months on the last Friday"),
                row("the last Friday of the month",
                        FrequencyPattern.monthlyOnWeekday(1, WeekPosition.LAST, FRIDAY),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 5,
                        List.of("2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29"),
                        "Siste fredag i måneden", "Sista fredagen i månaden", "Every month on the last Friday"),
                row("every 3 months on the last day",
                        FrequencyPattern.monthlyOnLastDay(3),
                        "2026-01-31", FrequencyEnd.never(), "2026-01-31", 5,
                        List.of("2026-01-31", "2026-04-30", "2026-07-31", "2026-10-31", "2027-01-31"),
                        "Siste dag i hver 3. måned", "Sista dagen i var 3:e månad", "Every 3 months on the last day"),
                row("the 31st: the last day of shorter months",
                        FrequencyPattern.monthlyOnDay(1, 31),
                        "2026-01-31", FrequencyEnd.never(), "2026-01-31", 6,
                        List.of("2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30"),
                        "Den 31. i måneden", "Den 31:a i månaden", "Every month on the 31st"),
                row("the 31st, RFC 5545 skipping",
                        FrequencyPattern.monthlyOnDay(1, 31).withShortMonths(ShortMonths.SKIP),
                        "2026-01-31", FrequencyEnd.never(), "2026-01-31", 5,
                        List.of("2026-01-31", "2026-03-31", "2026-05-31", "2026-07-31", "2026-08-31"),
                        "Den 31. i måneden (bare måneder med minst 31 dager)", "Den 31:a i månaden (endast månader med minst 31 dagar)", "Every month on the 31st (only months with at least 31 days)"),
                row("the 30th over a leap February",
                        FrequencyPattern.monthlyOnDay(1, 30),
                        "2024-01-30", FrequencyEnd.never(), "2024-01-30", 4,
                        List.of("2024-01-30", "2024-02-29", "2024-03-30", "2024-04-30"),
                        "Den 30. i måneden", "Den 30:e i månaden", "Every month on the 30th"),
                row("the 29th after a leap year",
                        FrequencyPattern.monthlyOnDay(1, 29),
                        "2023-12-29", FrequencyEnd.never(), "2025-01-01", 3,
                        List.of("2025-01-29", "2025-02-28", "2025-03-29"),
                        "Den 29. i måneden", "Den 29:e i månaden", "Every month on the 29th"),
                row("the 29th, skipping a short February",
                        FrequencyPattern.monthlyOnDay(1, 29).withShortMonths(ShortMonths.SKIP),
                        "2025-01-29", FrequencyEnd.never(), "2025-01-29", 3,
                        List.of("2025-01-29", "2025-03-29", "2025-04-29"),
                        "Den 29. i måneden (bare måneder med minst 29 dager)", "Den 29:e i månaden (endast månader med minst 29 dagar)", "Every month on the 29th (only months with at least 29 days)"),
                row("no drift after February",
                        FrequencyPattern.monthlyOnDay(1, 31),
                        "2024-01-31", FrequencyEnd.never(), "2024-02-01", 4,
                        List.of("2024-02-29", "2024-03-31", "2024-04-30", "2024-05-31"),
                        "Den 31. i måneden", "Den 31:a i månaden", "Every month on the 31st"),
                row("quarterly on the 31st",
                        FrequencyPattern.monthlyOnDay(3, 31),
                        "2026-01-31", FrequencyEnd.never(), "2026-01-31", 5,
                        List.of("2026-01-31", "2026-04-30", "2026-07-31", "2026-10-31", "2027-01-31"),
                        "Den 31. i hver 3. måned", "Den 31:a i var 3:e månad", "Every 3 months on the 31st"),
                row("the first Monday",
                        FrequencyPattern.monthlyOnWeekday(1, WeekPosition.FIRST, MONDAY),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 3,
                        List.of("2026-01-05", "2026-02-02", "2026-03-02"),
                        "Første mandag i måneden", "Första måndagen i månaden", "Every month on the first Monday"),
                row("the third Wednesday",
                        FrequencyPattern.monthlyOnWeekday(1, WeekPosition.THIRD, WEDNESDAY),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 3,
                        List.of("2026-01-21", "2026-02-18", "2026-03-18"),
                        "Tredje onsdag i måneden", "Tredje onsdagen i månaden", "Every month on the third Wednesday"),
                row("the fourth Thursday",
                        FrequencyPattern.monthlyOnWeekday(1, WeekPosition.FOURTH, THURSDAY),
                        "2026-10-01", FrequencyEnd.never(), "2026-10-01", 3,
                        List.of("2026-10-22", "2026-11-26", "2026-12-24"),
                        "Fjerde torsdag i måneden", "Fjärde torsdagen i månaden", "Every month on the fourth Thursday"),
                row("the second Tuesday every 4 months",
                        FrequencyPattern.monthlyOnWeekday(4, WeekPosition.SECOND, TUESDAY),
                        "2026-01-14", FrequencyEnd.never(), "2026-01-14", 3,
                        List.of("2026-05-12", "2026-09-08", "2027-01-12"),
                        "Andre tirsdag i hver 4. måned", "Andra tisdagen i var 4:e månad", "Every 4 months on the second Tuesday"),
                row("the 15th of each quarter's first month",
                        FrequencyPattern.monthlyOnDay(1, 15).inMonths(Month.JANUARY, Month.APRIL, Month.JULY, Month.OCTOBER),
                        "2026-02-01", FrequencyEnd.never(), "2026-02-01", 4,
                        List.of("2026-04-15", "2026-07-15", "2026-10-15", "2027-01-15"),
                        "Den 15. i måneden, bare i januar, april, juli og oktober", "Den 15:e i månaden, endast i januari, april, juli och oktober", "Every month on the 15th, only in January, April, July and October"),
                row("seed: 1 January every year",
                        FrequencyPattern.yearlyOnDay(1, Month.JANUARY, 1),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 3,
                        List.of("2026-01-01", "2027-01-01", "2028-01-01"),
                        "Den 1. januar hvert år", "Den 1:a januari varje år", "Every year on 1 January"),
                row("seed: the last Friday of December every other year",
                        FrequencyPattern.yearlyOnWeekday(2, Month.DECEMBER, WeekPosition.LAST, FRIDAY),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 3,
                        List.of("2026-12-25", "2028-12-29", "2030-12-27"),
                        "Siste fredag i desember hvert 2. år", "Sista fredagen i december vart 2:a år", "Every 2 years on the last Friday of December"),
                row("seed: the third Monday of February",
                        FrequencyPattern.yearlyOnWeekday(1, Month.FEBRUARY, WeekPosition.THIRD, MONDAY),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 3,
                        List.of("2026-02-16", "2027-02-15", "2028-02-21"),
                        "Tredje mandag i februar hvert år", "Tredje måndagen i februari varje år", "Every year on the third Monday of February"),
                row("29 February: the 28th in other years",
                        FrequencyPattern.yearlyOnDay(1, Month.FEBRUARY, 29),
                        "2024-02-29", FrequencyEnd.never(), "2024-02-29", 5,
                        List.of("2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"),
                        "Den 29. februar hvert år", "Den 29:e februari varje år", "Every year on 29 February"),
                row("29 February, leap years only",
                        FrequencyPattern.yearlyOnDay(1, Month.FEBRUARY, 29).withShortMonths(ShortMonths.SKIP),
                        "2024-02-29", FrequencyEnd.never(), "2024-02-29", 3,
                        List.of("2024-02-29", "2028-02-29", "2032-02-29"),
                        "Den 29. februar hvert år (bare i skuddår)", "Den 29:e februari varje år (endast skottår)", "Every year on 29 February (only in leap years)"),
                row("the last day of February",
                        new FrequencyPattern(FrequencyUnit.YEARLY, 1, List.of(), DayRule.LAST_DAY, null, null, null, Month.FEBRUARY, List.of(), null),
                        "2027-01-01", FrequencyEnd.never(), "2027-01-01", 3,
                        List.of("2027-02-28", "2028-02-29", "2029-02-28"),
                        "Siste dag i februar hvert år", "Sista dagen i februari varje år", "Every year on the last day of February"),
                row("31 December every third year",
                        FrequencyPattern.yearlyOnDay(3, Month.DECEMBER, 31),
                        "2026-06-01", FrequencyEnd.never(), "2026-06-01", 3,
                        List.of("2026-12-31", "2029-12-31", "2032-12-31"),
                        "Den 31. desember hvert 3. år", "Den 31:a december vart 3:e år", "Every 3 years on 31 December"),
                row("the last Thursday of February, leap day",
                        FrequencyPattern.yearlyOnWeekday(1, Month.FEBRUARY, WeekPosition.LAST, THURSDAY),
                        "2024-01-01", FrequencyEnd.never(), "2024-01-01", 3,
                        List.of("2024-02-29", "2025-02-27", "2026-02-26"),
                        "Siste torsdag i februar hvert år", "Sista torsdagen i februari varje år", "Every year on the last Thursday of February"),
                row("1 March every other year from a leap day",
                        FrequencyPattern.yearlyOnDay(2, Month.MARCH, 1),
                        "2024-02-29", FrequencyEnd.never(), "2024-02-29", 3,
                        List.of("2024-03-01", "2026-03-01", "2028-03-01"),
                        "Den 1. mars hvert 2. år", "Den 1:a mars vart 2:a år", "Every 2 years on 1 March"),
                row("every day of the summer",
                        FrequencyPattern.daily(1).inMonths(Month.JUNE, Month.JULY, Month.AUGUST),
                        "2026-05-30", FrequencyEnd.never(), "2026-05-30", 3,
                        List.of("2026-06-01", "2026-06-02", "2026-06-03"),
                        "Hver dag, bare i juni, juli og august", "Varje dag, endast i juni, juli och augusti", "Every day, only in June, July and August"),
                row("Saturdays in December",
                        FrequencyPattern.weekly(1, SATURDAY).inMonths(Month.DECEMBER),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 5,
                        List.of("2026-12-05", "2026-12-12", "2026-12-19", "2026-12-26", "2027-12-04"),
                        "Hver lørdag, bare i desember", "Varje lördag, endast i december", "Every Saturday, only in December"),
                row("ends after 3",
                        FrequencyPattern.monthlyOnDay(1, 15),
                        "2026-01-20", FrequencyEnd.after(3), "2026-01-20", 5,
                        List.of("2026-02-15", "2026-03-15", "2026-04-15"),
                        "Den 15. i måneden", "Den 15:e i månaden", "Every month on the 15th"),
                row("COUNT counts from the anchor",
                        FrequencyPattern.weekly(1, MONDAY),
                        "2026-01-05", FrequencyEnd.after(4), "2026-01-20", 5,
                        List.of("2026-01-26"),
                        "Hver mandag", "Varje måndag", "Every Monday"),
                row("ends on a date that is an occurrence",
                        FrequencyPattern.daily(7),
                        "2026-01-01", FrequencyEnd.on(LocalDate.parse("2026-01-29")), "2026-01-01", 10,
                        List.of("2026-01-01", "2026-01-08", "2026-01-15", "2026-01-22", "2026-01-29"),
                        "Hver 7. dag", "Var 7:e dag", "Every 7 days"),
                row("ends on a date between occurrences",
                        FrequencyPattern.monthlyOnLastDay(1),
                        "2026-01-01", FrequencyEnd.on(LocalDate.parse("2026-04-15")), "2026-01-01", 5,
                        List.of("2026-01-31", "2026-02-28", "2026-03-31"),
                        "Siste dag i måneden", "Sista dagen i månaden", "Every month on the last day"),
                row("every 3 days from the anchor, not from the query",
                        FrequencyPattern.daily(3),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-05", 2,
                        List.of("2026-01-07", "2026-01-10"),
                        "Hver 3. dag", "Var 3:e dag", "Every 3 days"),
                row("every other month keeps the anchor's phase",
                        FrequencyPattern.monthlyOnDay(2, 10),
                        "2026-01-20", FrequencyEnd.never(), "2026-01-20", 3,
                        List.of("2026-03-10", "2026-05-10", "2026-07-10"),
                        "Den 10. i hver 2. måned", "Den 10:e i var 2:a månad", "Every 2 months on the 10th"),
                row("the 29th from a leap day anchor",
                        FrequencyPattern.monthlyOnDay(1, 29),
                        "2024-02-29", FrequencyEnd.never(), "2025-02-01", 2,
                        List.of("2025-02-28", "2025-03-29"),
                        "Den 29. i måneden", "Den 29:e i månaden", "Every month on the 29th"),
                row("ordinals 22nd / 22:a",
                        FrequencyPattern.monthlyOnDay(1, 22),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 2,
                        List.of("2026-01-22", "2026-02-22"),
                        "Den 22. i måneden", "Den 22:a i månaden", "Every month on the 22nd"),
                row("ordinals 11th / 11:e",
                        FrequencyPattern.monthlyOnDay(1, 11),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 2,
                        List.of("2026-01-11", "2026-02-11"),
                        "Den 11. i måneden", "Den 11:e i månaden", "Every month on the 11th"),
                row("ordinals 21 days / 21:a",
                        FrequencyPattern.daily(21),
                        "2026-01-01", FrequencyEnd.never(), "2026-01-01", 2,
                        List.of("2026-01-01", "2026-01-22"),
                        "Hver 21. dag", "Var 21:a dag", "Every 21 days"),
                row("every 2 years, anchor in the year's second half",
                        FrequencyPattern.yearlyOnDay(2, Month.MARCH, 15),
                        "2026-06-01", FrequencyEnd.never(), "2026-06-01", 2,
                        List.of("2028-03-15", "2030-03-15"),
                        "Den 15. mars hvert 2. år", "Den 15:e mars vart 2:a år", "Every 2 years on 15 March"));
    }

    private static Arguments row(String name, FrequencyPattern pattern, String anchor, FrequencyEnd end, String from,
                                 int count, List<String> dates, String nb, String sv, String en) {
        return Arguments.of(name, new FrequencyDefinition(pattern, LocalDate.parse(anchor), end), LocalDate.parse(from),
                count, dates.stream().map(LocalDate::parse).toList(), nb, sv, en);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldGiveTheHandCheckedDates_whenAskedFromADate(String name, FrequencyDefinition definition, LocalDate from,
                                                         int count, List<LocalDate> expected) {
        // given
        Recurrence recurrence = Recurrence.of(definition);

        // when
        List<LocalDate> dates = recurrence.next(count, from);

        // then
        assertThat(dates).containsExactlyElementsOf(expected);
        assertThat(expected).allSatisfy(date -> assertThat(recurrence.occursOn(date)).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAgreeWithLibRecur_whenTheSameCaseIsExpandedFromItsRrule(String name, FrequencyDefinition definition,
                                                                      LocalDate from, int count, List<LocalDate> expected) {
        // given
        LibRecurReference reference = new LibRecurReference(Recurrence.of(definition).definition());

        // when
        List<LocalDate> dates = new java.util.ArrayList<>();
        LocalDate cursor = from.minusDays(1);
        while (dates.size() < count) {
            java.util.Optional<LocalDate> next = reference.nextAfter(cursor);
            if (next.isEmpty()) {
                break;
            }
            dates.add(next.get());
            cursor = next.get();
        }

        // then
        assertThat(dates).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldNameThePatternInThreeLanguages_whenNamedAutomatically(String name, FrequencyDefinition definition,
                                                                    LocalDate from, int count, List<LocalDate> expected,
                                                                    String nb, String sv, String en) {
        // given
        FrequencyPattern pattern = Recurrence.of(definition).definition().pattern();

        // when / then
        assertThat(FrequencyNames.name(pattern, NameLanguage.NB)).isEqualTo(nb);
        assertThat(FrequencyNames.name(pattern, NameLanguage.SV)).isEqualTo(sv);
        assertThat(FrequencyNames.name(pattern, NameLanguage.EN)).isEqualTo(en);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldKeepTheDates_whenWrittenAsRruleAndReadBack(String name, FrequencyDefinition definition, LocalDate from,
                                                         int count, List<LocalDate> expected) {
        // given
        FrequencyDefinition canonical = Recurrence.of(definition).definition();

        // when
        String text = RRules.format(canonical, OSLO);
        FrequencyDefinition read = RRules.parse(text, null, OSLO);

        // then
        assertThat(read.pattern()).isEqualTo(canonical.pattern());
        assertThat(read.end()).isEqualTo(canonical.end());
        assertThat(Recurrence.of(read).next(count, from)).containsExactlyElementsOf(expected);
        assertThat(RRules.format(read, OSLO)).isEqualTo(text);
    }
}

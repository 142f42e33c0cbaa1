package io.invoiceflow.recurrence;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.frequency.DayRule;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.ShortMonths;
import io.invoiceflow.events.frequency.WeekPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** RFC 5545 text: what is written, what is read, and what is refused with a reason. */
class RRulesTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final LocalDate ANCHOR = LocalDate.of(2026, 1, 31);

    @Test
    void shouldWriteDateStartRuleAndZone_whenMonthlyOnThe31stFallsBack() {
        // given
        FrequencyDefinition definition = Recurrence.of(new FrequencyDefinition(FrequencyPattern.monthlyOnDay(1, 31),
                LocalDate.of(2026, 1, 15), FrequencyEnd.after(12))).definition();

        // when
        String text = RRules.format(definition, OSLO);

        // then: DTSTART is the first date, not the anchor
        assertThat(text).isEqualTo("DTSTART;VALUE=DATE:20260131\r\n"
                + "RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1;COUNT=12\r\n"
                + "X-WR-TIMEZONE:Europe/Oslo");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;WKST=MO | FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;WKST=MO",
            "FREQ=WEEKLY;WKST=SU;BYDAY=FR | FREQ=WEEKLY;BYDAY=FR;WKST=MO",
            "FREQ=WEEKLY | FREQ=WEEKLY;BYDAY=SA;WKST=MO",
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR | FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;WKST=MO",
            "FREQ=MONTHLY | FREQ=MONTHLY;BYMONTHDAY=31",
            "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1 | FREQ=MONTHLY;BYDAY=-1FR",
            "FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20261231 | FREQ=MONTHLY;BYMONTHDAY=-1;UNTIL=20261231",
            "FREQ=YEARLY | FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=31",
            "FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYDAY=-1FR | FREQ=YEARLY;INTERVAL=2;BYMONTH=12;BYDAY=-1FR",
            "rrule:freq=monthly;bymonthday=15 | FREQ=MONTHLY;BYMONTHDAY=15",
    })
    void shouldReadWhatThePatternCanExpress_whenTheRuleComesFromAnotherCalendar(String rule, String canonical) {
        // given a bare rule and the anchor (a Saturday, the 31st of January)

        // when
        FrequencyDefinition read = RRules.parse(rule, ANCHOR, OSLO);

        // then
        assertThat(RRules.rule(read.pattern(), read.end())).isEqualTo(canonical);
    }

    @Test
    void shouldReadTheFallBackForm_whenBySetPosPicksTheLastOfTheMonthEnd() {
        // given
        String text = "DTSTART;VALUE=DATE:20240229\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1\nX-WR-TIMEZONE:Europe/Oslo";

        // when
        FrequencyDefinition read = RRules.parse(text, null, OSLO);

        // then
        assertThat(read.pattern()).isEqualTo(FrequencyPattern.yearlyOnDay(1, Month.FEBRUARY, 29));
        assertThat(read.anchor()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Recurrence.of(read).next(2, LocalDate.of(2025, 1, 1)))
                .containsExactly(LocalDate.of(2025, 2, 28), LocalDate.of(2026, 2, 28));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "FREQ=MONTHLY;BYDAY=5FR | unsupported | fifth",
            "FREQ=MONTHLY;BYDAY=-2FR | unsupported | position -2",
            "FREQ=MONTHLY;BYDAY=MO,TU | unsupported | BYDAY",
            "FREQ=HOURLY | unsupported | HOURLY",
            "FREQ=DAILY;BYHOUR=6 | unsupported | BYHOUR",
            "FREQ=YEARLY;BYYEARDAY=100 | unsupported | BYYEARDAY",
            "FREQ=YEARLY;BYMONTH=1,7 | unsupported | one month",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;WKST=SU | unsupported | WKST",
            "FREQ=MONTHLY;BYMONTHDAY=1,15 | unsupported | BYMONTHDAY=1,15",
            "FREQ=MONTHLY;BYMONTHDAY=-2 | unsupported | -1",
            "FREQ=MONTHLY;UNTIL=20261231T000000Z | unsupported | UNTIL",
            "FREQ=SOMETIMES | malformed | RFC 5545",
            "FREQ=MONTHLY;BYMONTHDAY=32 | malformed | RFC 5545",
            "FREQ=MONTHLY;INTERVAL=0 | malformed | RFC 5545",
            "FREQ=MONTHLY;COUNT=0 | malformed | RFC 5545",
    })
    void shouldRefuseWithTheReason_whenThePatternCannotExpressTheRule(String rule, String expectedRule, String reason) {
        // given / when
        DomainException e = catchThrowableOfType(DomainException.class, () -> RRules.parse(rule, ANCHOR, OSLO));

        // then
        assertThat(e).as(rule).isNotNull();
        assertThat(e.violations()).hasSize(1);
        assertThat(e.violations().get(0).field()).isEqualTo("rrule");
        assertThat(e.violations().get(0).rule()).isEqualTo(expectedRule);
        assertThat(e.violations().get(0).message()).containsIgnoringCase(reason.replace("fifth", "position 5"));
    }

    @Test
    void shouldRefuse_whenTheTextHasAnotherZoneATimeOrNoRule() {
        // given
        String otherZone = "DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=DAILY\nX-WR-TIMEZONE:America/New_York";
        String dateTime = "DTSTART;TZID=Europe/Oslo:20260101T061500\nRRULE:FREQ=DAILY";
        String noRule = "DTSTART;VALUE=DATE:20260101";
        String exdate = "DTSTART;VALUE=DATE:20260101\nRRULE:FREQ=DAILY\nEXDATE;VALUE=DATE:20260102";

        // when / then
        assertThat(ruleOf(otherZone)).isEqualTo("zone");
        assertThat(ruleOf(dateTime)).isEqualTo("unsupported");
        assertThat(ruleOf(noRule)).isEqualTo("required");
        assertThat(ruleOf(exdate)).isEqualTo("unsupported");
        assertThat(ruleOf("DTSTART;VALUE=DATE:20260101\nFREQ=DAILY;COUNT=0x")).isEqualTo("malformed");
    }

    @Test
    void shouldNameTheBrokenRule_whenTheRuleGivesAnImpossiblePattern() {
        // given 30 February
        String rule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30";

        // when
        DomainException e = catchThrowableOfType(DomainException.class, () -> RRules.parse(rule, ANCHOR, OSLO));

        // then
        assertThat(e.violations()).extracting(v -> v.field() + " " + v.rule()).containsExactly("rrule range");
        assertThat(e.violations().get(0).message()).contains("pattern.dayOfMonth");
    }

    @Test
    void shouldWriteTheSkipAndWeekdayForms_whenThePatternAsksForThem() {
        // given
        FrequencyPattern skip = Recurrence.of(new FrequencyDefinition(FrequencyPattern.monthlyOnDay(2, 30)
                .inMonths(Month.JANUARY, Month.FEBRUARY, Month.MARCH).withShortMonths(ShortMonths.SKIP), ANCHOR, null))
                .definition().pattern();
        FrequencyPattern nth = FrequencyPattern.monthlyOnWeekday(1, WeekPosition.SECOND, DayOfWeek.TUESDAY);

        // when / then
        assertThat(RRules.rule(skip, FrequencyEnd.never())).isEqualTo("FREQ=MONTHLY;INTERVAL=2;BYMONTH=1,2,3;BYMONTHDAY=30");
        assertThat(RRules.rule(nth, FrequencyEnd.on(LocalDate.of(2027, 6, 30)))).isEqualTo("FREQ=MONTHLY;BYDAY=2TU;UNTIL=20270630");
        assertThat(skip.dayRule()).isEqualTo(DayRule.DAY_OF_MONTH);
    }

    private static String ruleOf(String text) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> RRules.parse(text, null, OSLO));
        assertThat(e).as(text).isNotNull();
        return e.violations().get(0).rule();
    }
}

package io.invoiceflow.events.frequency;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.List;

/**
 * A repetition pattern (Q1). Which fields apply depends on {@code frequency}:
 * <ul>
 *   <li>{@code DAILY}: every {@code interval} days;</li>
 *   <li>{@code WEEKLY}: every {@code interval} weeks (weeks start on Monday) on each of {@code weekdays};</li>
 *   <li>{@code MONTHLY}: every {@code interval} months on the day {@code dayRule} names;</li>
 *   <li>{@code YEARLY}: every {@code interval} years in {@code month} on the day {@code dayRule} names.</li>
 * </ul>
 * The day: {@code DAY_OF_MONTH} with {@code dayOfMonth} 1-31 (and, for the 29th-31st, {@code shortMonths}),
 * {@code LAST_DAY}, or {@code NTH_WEEKDAY} with {@code position} and {@code weekday}. {@code months}
 * optionally restricts a daily, weekly or monthly pattern to those months (empty: every month).
 * Fields that do not apply are null (lists: empty).
 */
public record FrequencyPattern(
        FrequencyUnit frequency,
        Integer interval,
        List<DayOfWeek> weekdays,
        DayRule dayRule,
        Integer dayOfMonth,
        WeekPosition position,
        DayOfWeek weekday,
        Month month,
        List<Month> months,
        ShortMonths shortMonths) {

    /** Every {@code interval} days. */
    public static FrequencyPattern daily(int interval) {
        return new FrequencyPattern(FrequencyUnit.DAILY, interval, List.of(), null, null, null, null, null, List.of(), null);
    }

    /** Every {@code interval} weeks on the given weekdays. */
    public static FrequencyPattern weekly(int interval, DayOfWeek... weekdays) {
        return new FrequencyPattern(FrequencyUnit.WEEKLY, interval, List.of(weekdays), null, null, null, null, null,
                List.of(), null);
    }

    /** Every {@code interval} months on day {@code day}; beyond a shorter month's end, its last day. */
    public static FrequencyPattern monthlyOnDay(int interval, int day) {
        return new FrequencyPattern(FrequencyUnit.MONTHLY, interval, List.of(), DayRule.DAY_OF_MONTH, day, null, null,
                null, List.of(), day > 28 ? ShortMonths.LAST_DAY : null);
    }

    /** Every {@code interval} months on their last day. */
    public static FrequencyPattern monthlyOnLastDay(int interval) {
        return new FrequencyPattern(FrequencyUnit.MONTHLY, interval, List.of(), DayRule.LAST_DAY, null, null, null,
                null, List.of(), null);
    }

    /** Every {@code interval} months on the first to fourth, or last, given weekday. */
    public static FrequencyPattern monthlyOnWeekday(int interval, WeekPosition position, DayOfWeek weekday) {
        return new FrequencyPattern(FrequencyUnit.MONTHLY, interval, List.of(), DayRule.NTH_WEEKDAY, null, position,
                weekday, null, List.of(), null);
    }

    /** Every {@code interval} years on a day of {@code month}; 29 February falls on the 28th in other years. */
    public static FrequencyPattern yearlyOnDay(int interval, Month month, int day) {
        return new FrequencyPattern(FrequencyUnit.YEARLY, interval, List.of(), DayRule.DAY_OF_MONTH, day, null, null,
                month, List.of(), day > 28 ? ShortMonths.LAST_DAY : null);
    }

    /** Every {@code interval} years on the first to fourth, or last, given weekday of {@code month}. */
    public static FrequencyPattern yearlyOnWeekday(int interval, Month month, WeekPosition position, DayOfWeek weekday) {
        return new FrequencyPattern(FrequencyUnit.YEARLY, interval, List.of(), DayRule.NTH_WEEKDAY, null, position,
                weekday, month, List.of(), null);
    }

    /** This pattern restricted to {@code only} months. */
    public FrequencyPattern inMonths(Month... only) {
        return new FrequencyPattern(frequency, interval, weekdays, dayRule, dayOfMonth, position, weekday, month,
                List.of(only), shortMonths);
    }

    /** This pattern with {@code policy} for days beyond a shorter month's end. */
    public FrequencyPattern withShortMonths(ShortMonths policy) {
        return new FrequencyPattern(frequency, interval, weekdays, dayRule, dayOfMonth, position, weekday, month,
                months, policy);
    }
}

package io.invoiceflow.recurrence;

import io.invoiceflow.events.frequency.DayRule;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.FrequencyUnit;
import io.invoiceflow.events.frequency.ShortMonths;
import io.invoiceflow.events.frequency.WeekPosition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dates of a frequency: those on or after the anchor that match the pattern, up to the end. Every
 * date is computed from the anchor (the period it falls in is the anchor's period plus a multiple of the
 * interval), never from a previous date, so nothing drifts: "monthly on the 31st" from 31 January is
 * 28/29 February and then 31 March again. {@code AFTER_OCCURRENCES} counts from the anchor (the anchor
 * counts only when it matches). The semantics are RFC 5545's as lib-recur expands them, with the
 * differences of ADR 0100; {@link LibRecurReference} is the reference the property tests hold this
 * arithmetic to.
 *
 * <p>Immutable and thread-safe. {@link #nextAfter(long)} is the scheduler's hot path: plain arithmetic
 * on epoch days, no allocation.
 */
public final class Recurrence {
    /** "No date": the frequency has ended (or the pattern never occurs). */
    public static final long NONE = Long.MIN_VALUE;
    /** Steps a search may take before it concludes the pattern never occurs (more than a 400-year Gregorian cycle). */
    private static final int MAX_STEPS = 20_000;

    private final FrequencyDefinition definition;
    private final FrequencyUnit unit;
    private final int interval;
    private final int weekdayMask;
    private final int monthMask;
    private final DayRule dayRule;
    private final int dayOfMonth;
    private final boolean skipShortMonths;
    private final int position;
    private final int weekday;
    private final int month;
    private final long anchor;
    private final int anchorCivil;
    private final long last;

    /** A definition already in canonical form (see {@link PatternRules}). */
    Recurrence(FrequencyDefinition canonical) {
        this.definition = canonical;
        FrequencyPattern p = canonical.pattern();
        this.unit = p.frequency();
        this.interval = p.interval();
        this.weekdayMask = mask(p.weekdays().stream().mapToInt(d -> d.getValue() - 1).toArray());
        this.monthMask = p.months().isEmpty() ? 0xFFF : mask(p.months().stream().mapToInt(m -> m.getValue() - 1).toArray());
        this.dayRule = p.dayRule();
        this.dayOfMonth = p.dayOfMonth() == null ? 0 : p.dayOfMonth();
        this.skipShortMonths = p.shortMonths() == ShortMonths.SKIP;
        this.position = p.position() == null ? 0 : p.position() == WeekPosition.LAST ? -1 : p.position().ordinal() + 1;
        this.weekday = p.weekday() == null ? 0 : p.weekday().getValue() - 1;
        this.month = p.month() == null ? 0 : p.month().getValue();
        this.anchor = canonical.anchor().toEpochDay();
        this.anchorCivil = CivilDays.civil(anchor);
        FrequencyEnd end = canonical.end();
        this.last = switch (end.kind()) {
            case NEVER -> Long.MAX_VALUE;
            case ON_DATE -> end.until().toEpochDay();
            case AFTER_OCCURRENCES -> nth(end.occurrences());
        };
    }

    /** The dates of a definition, after checking it ({@link PatternRules#canonical}: refused with field violations). */
    public static Recurrence of(FrequencyDefinition definition) {
        return new Recurrence(PatternRules.canonical(definition));
    }

    /** The canonical definition. */
    public FrequencyDefinition definition() {
        return definition;
    }

    // ---- the API on LocalDate

    public Optional<LocalDate> first() {
        return date(nextOnOrAfter(anchor));
    }

    public Optional<LocalDate> nextOnOrAfter(LocalDate date) {
        return date(nextOnOrAfter(date.toEpochDay()));
    }

    /** The first date strictly after {@code date}. */
    public Optional<LocalDate> nextAfter(LocalDate date) {
        return date(nextAfter(date.toEpochDay()));
    }

    /** Up to {@code count} dates on or after {@code from}, ascending; fewer when the frequency ends. */
    public List<LocalDate> next(int count, LocalDate from) {
        List<LocalDate> dates = new ArrayList<>(Math.min(count, 1000));
        for (long d = nextOnOrAfter(from.toEpochDay()); d != NONE && dates.size() < count; d = nextAfter(d)) {
            dates.add(LocalDate.ofEpochDay(d));
        }
        return dates;
    }

    public boolean occursOn(LocalDate date) {
        long day = date.toEpochDay();
        return nextOnOrAfter(day) == day;
    }

    // ---- the API on epoch days

    /** The first date (epoch day) strictly after {@code epochDay}, or {@link #NONE}. */
    public long nextAfter(long epochDay) {
        return epochDay == Long.MAX_VALUE ? NONE : nextOnOrAfter(epochDay + 1);
    }

    /** The first date (epoch day) on or after {@code epochDay}, or {@link #NONE}. */
    public long nextOnOrAfter(long epochDay) {
        long found = unbounded(Math.max(epochDay, anchor));
        return found == NONE || found > last ? NONE : found;
    }

    private long nth(int count) {
        long d = unbounded(anchor);
        for (int i = 1; i < count && d != NONE; i++) {
            d = unbounded(d + 1);
        }
        return d == NONE ? Long.MAX_VALUE : d;
    }

    /** The first match on or after {@code from} (not before the anchor), ignoring the end. */
    private long unbounded(long from) {
        return switch (unit) {
            case DAILY -> daily(from);
            case WEEKLY -> weekly(from);
            case MONTHLY -> monthly(from);
            case YEARLY -> yearly(from);
        };
    }

    private long daily(long from) {
        long day = from;
        for (int step = 0; step < MAX_STEPS; step++) {
            long k = Math.floorDiv(day - anchor + interval - 1, interval);
            long candidate = anchor + k * interval;
            int civil = CivilDays.civil(candidate);
            if (inMonths(CivilDays.month(civil))) {
                return candidate;
            }
            day = firstOfNextAllowedMonth(civil);
        }
        return NONE;
    }

    private long weekly(long from) {
        long anchorWeek = CivilDays.week(anchor);
        long day = from;
        for (int step = 0; step < MAX_STEPS; step++) {
            long week = CivilDays.week(day);
            int dow = CivilDays.dayOfWeek(day);
            long offset = Math.floorMod(week - anchorWeek, (long) interval);
            if (offset != 0) {
                week += interval - offset;
                dow = 0;
            }
            int candidates = weekdayMask >>> dow;
            long candidate;
            if (candidates != 0) {
                candidate = CivilDays.mondayOf(week) + dow + Integer.numberOfTrailingZeros(candidates);
            } else {
                week += interval;
                candidate = CivilDays.mondayOf(week) + Integer.numberOfTrailingZeros(weekdayMask);
            }
            int civil = CivilDays.civil(candidate);
            if (inMonths(CivilDays.month(civil))) {
                return candidate;
            }
            day = firstOfNextAllowedMonth(civil);
        }
        return NONE;
    }

    private long monthly(long from) {
        int civil = CivilDays.civil(from);
        long anchorIndex = CivilDays.year(anchorCivil) * 12L + CivilDays.month(anchorCivil) - 1;
        long index = CivilDays.year(civil) * 12L + CivilDays.month(civil) - 1;
        int minDay = CivilDays.day(civil);
        long offset = Math.floorMod(index - anchorIndex, (long) interval);
        if (offset != 0) {
            index += interval - offset;
            minDay = 1;
        }
        for (int step = 0; step < MAX_STEPS; step++, index += interval, minDay = 1) {
            int y = (int) Math.floorDiv(index, 12L);
            int m = (int) Math.floorMod(index, 12L) + 1;
            if (!inMonths(m)) {
                continue;
            }
            int day = dayIn(y, m);
            if (day >= minDay) {
                return CivilDays.epochDay(y, m, day);
            }
        }
        return NONE;
    }

    private long yearly(long from) {
        int civil = CivilDays.civil(from);
        int anchorYear = CivilDays.year(anchorCivil);
        int year = CivilDays.year(civil);
        long offset = Math.floorMod(year - anchorYear, interval);
        if (offset != 0) {
            year += interval - (int) offset;
        }
        for (int step = 0; step < MAX_STEPS; step++, year += interval) {
            int day = dayIn(year, month);
            if (day > 0) {
                long candidate = CivilDays.epochDay(year, month, day);
                if (candidate >= from) {
                    return candidate;
                }
            }
        }
        return NONE;
    }

    /** The day of the month the pattern falls on in {@code year-month}, or 0 when it skips that month. */
    private int dayIn(int year, int m) {
        int length = CivilDays.lengthOfMonth(year, m);
        switch (dayRule) {
            case DAY_OF_MONTH:
                if (dayOfMonth <= length) {
                    return dayOfMonth;
                }
                return skipShortMonths ? 0 : length;
            case LAST_DAY:
                return length;
            default:
                if (position < 0) {
                    int lastDow = CivilDays.dayOfWeek(CivilDays.epochDay(year, m, length));
                    return length - Math.floorMod(lastDow - weekday, 7);
                }
                int firstDow = CivilDays.dayOfWeek(CivilDays.epochDay(year, m, 1));
                return 1 + Math.floorMod(weekday - firstDow, 7) + 7 * (position - 1);
        }
    }

    private boolean inMonths(int m) {
        return (monthMask & (1 << (m - 1))) != 0;
    }

    /** The first day of the first allowed month after the month of {@code civil}. */
    private long firstOfNextAllowedMonth(int civil) {
        int y = CivilDays.year(civil);
        int m = CivilDays.month(civil);
        do {
            m++;
            if (m > 12) {
                m = 1;
                y++;
            }
        } while (!inMonths(m));
        return CivilDays.epochDay(y, m, 1);
    }

    private static int mask(int[] bits) {
        int mask = 0;
        for (int bit : bits) {
            mask |= 1 << bit;
        }
        return mask;
    }

    private static Optional<LocalDate> date(long epochDay) {
        return epochDay == NONE ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(epochDay));
    }
}

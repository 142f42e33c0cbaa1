package io.invoiceflow.recurrence;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.frequency.DayRule;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.FrequencyUnit;
import io.invoiceflow.events.frequency.ShortMonths;
import io.invoiceflow.events.frequency.WeekPosition;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.Weekday;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.WeekdayNum;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A frequency as RFC 5545 text, and back (ADR 0100). The text is three content lines:
 * <pre>
 * DTSTART;VALUE=DATE:20260130
 * RRULE:FREQ=MONTHLY;BYDAY=-1FR;COUNT=12
 * X-WR-TIMEZONE:Europe/Oslo
 * </pre>
 * {@code DTSTART} is a DATE (RFC 5545 forbids {@code TZID} on dates), so the tenant's zone travels as
 * {@code X-WR-TIMEZONE}. {@code DTSTART} is the first occurrence rather than the anchor: RFC 5545
 * always counts {@code DTSTART} as an instance, and the first occurrence keeps the interval's phase,
 * so every reader sees the same dates. "On the 31st, else the last day" is
 * {@code BYMONTHDAY=28,29,30,31;BYSETPOS=-1}; {@code SKIP} is plain {@code BYMONTHDAY=31}. Reading
 * refuses, with the reason, what the pattern model cannot express.
 */
public final class RRules {
    public static final String FIELD = "rrule";
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /**
     * By name: referring to lib-recur's {@code Part} constants in a static initializer would initialize
     * {@code Part} before {@code RecurrenceRule}, whose own initializer then fails (circular class init).
     */
    private static final Set<String> SUPPORTED = Set.of("FREQ", "INTERVAL", "WKST", "BYMONTH", "BYMONTHDAY", "BYDAY",
            "BYSETPOS", "UNTIL", "COUNT");
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private RRules() {
    }

    // ---- writing

    /** The text form of a canonical definition (see the class comment). */
    public static String format(FrequencyDefinition canonical, ZoneId zone) {
        LocalDate first = new Recurrence(canonical).first().orElse(canonical.anchor());
        return "DTSTART;VALUE=DATE:" + BASIC_DATE.format(first) + "\r\n"
                + "RRULE:" + rule(canonical.pattern(), canonical.end()) + "\r\n"
                + "X-WR-TIMEZONE:" + zone.getId();
    }

    /** The {@code RRULE} value of a canonical pattern and end, such as {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;WKST=MO}. */
    public static String rule(FrequencyPattern p, FrequencyEnd end) {
        StringBuilder sb = new StringBuilder("FREQ=").append(p.frequency().name());
        if (p.interval() > 1) {
            sb.append(";INTERVAL=").append(p.interval());
        }
        if (p.frequency() == FrequencyUnit.YEARLY) {
            sb.append(";BYMONTH=").append(p.month().getValue());
        } else if (!p.months().isEmpty()) {
            sb.append(";BYMONTH=").append(p.months().stream().map(m -> String.valueOf(m.getValue()))
                    .collect(Collectors.joining(",")));
        }
        if (p.frequency() == FrequencyUnit.WEEKLY) {
            sb.append(";BYDAY=").append(p.weekdays().stream().map(d -> DAYS[d.getValue() - 1])
                    .collect(Collectors.joining(","))).append(";WKST=MO");
        }
        if (p.dayRule() != null) {
            switch (p.dayRule()) {
                case LAST_DAY -> sb.append(";BYMONTHDAY=-1");
                case NTH_WEEKDAY -> sb.append(";BYDAY=")
                        .append(p.position() == WeekPosition.LAST ? -1 : p.position().ordinal() + 1)
                        .append(DAYS[p.weekday().getValue() - 1]);
                default -> {
                    if (p.shortMonths() == ShortMonths.LAST_DAY) {
                        sb.append(";BYMONTHDAY=").append(IntStream.rangeClosed(28, p.dayOfMonth())
                                .mapToObj(String::valueOf).collect(Collectors.joining(","))).append(";BYSETPOS=-1");
                    } else {
                        sb.append(";BYMONTHDAY=").append(p.dayOfMonth());
                    }
                }
            }
        }
        switch (end.kind()) {
            case AFTER_OCCURRENCES -> sb.append(";COUNT=").append(end.occurrences());
            case ON_DATE -> sb.append(";UNTIL=").append(BASIC_DATE.format(end.until()));
            default -> {
            }
        }
        return sb.toString();
    }

    // ---- reading

    /**
     * The definition a text describes: an {@code RRULE} line (or a bare rule), with an optional
     * {@code DTSTART;VALUE=DATE} line and an optional {@code X-WR-TIMEZONE} that must be {@code zone}.
     * Without {@code DTSTART} the anchor is {@code defaultAnchor}. Refused as INVALID_INPUT on
     * {@value #FIELD} with the reason.
     */
    public static FrequencyDefinition parse(String text, LocalDate defaultAnchor, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw refuse("required", "rrule is required");
        }
        if (text.length() > 2000) {
            throw refuse("max-length", "rrule must be at most 2000 characters");
        }
        String rule = null;
        LocalDate start = null;
        for (String raw : text.trim().split("\\r?\\n")) {
            String line = raw.trim();
            String upper = line.toUpperCase(Locale.ROOT);
            if (line.isEmpty()) {
                continue;
            }
            if (upper.startsWith("RRULE:") || upper.startsWith("FREQ=")) {
                if (rule != null) {
                    throw refuse("unsupported", "only one RRULE is supported");
                }
                rule = upper.startsWith("RRULE:") ? line.substring(6) : line;
            } else if (upper.startsWith("DTSTART")) {
                start = startDate(line);
            } else if (upper.startsWith("X-WR-TIMEZONE:")) {
                String id = line.substring("X-WR-TIMEZONE:".length()).trim();
                if (!id.equals(zone.getId())) {
                    throw refuse("zone", "X-WR-TIMEZONE is " + id + ", but the tenant's dates are in " + zone.getId());
                }
            } else {
                throw refuse("unsupported", "unsupported line '" + abbreviate(line)
                        + "': expected DTSTART;VALUE=DATE, RRULE and X-WR-TIMEZONE (EXDATE, RDATE and others are not supported)");
            }
        }
        if (rule == null) {
            throw refuse("required", "rrule has no RRULE line");
        }
        LocalDate anchor = start != null ? start : defaultAnchor;
        if (anchor == null) {
            throw refuse("required", "rrule needs DTSTART;VALUE=DATE:yyyymmdd, or an anchor");
        }
        FrequencyDefinition definition = definition(rule, anchor);
        try {
            return PatternRules.canonical(definition);
        } catch (DomainException e) {
            throw DomainException.invalid(e.violations().stream()
                    .map(v -> new FieldViolation(FIELD, v.rule(), "the RRULE gives " + v.field() + ": " + v.message()))
                    .toList());
        }
    }

    private static FrequencyDefinition definition(String text, LocalDate anchor) {
        RecurrenceRule r;
        try {
            r = new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw refuse("malformed", "not an RFC 5545 recurrence rule: " + e.getMessage());
        }
        for (Part part : Part.values()) {
            if (!part.name().startsWith("_") && r.hasPart(part) && !SUPPORTED.contains(part.name())) {
                throw refuse("unsupported", part + " is not supported: frequencies repeat whole dates by day, week, month or year");
            }
        }
        FrequencyUnit unit = switch (r.getFreq()) {
            case DAILY -> FrequencyUnit.DAILY;
            case WEEKLY -> FrequencyUnit.WEEKLY;
            case MONTHLY -> FrequencyUnit.MONTHLY;
            case YEARLY -> FrequencyUnit.YEARLY;
            default -> throw refuse("unsupported", "FREQ=" + r.getFreq() + " is not supported: use DAILY, WEEKLY, MONTHLY or YEARLY");
        };
        int interval = r.getInterval();
        // lib-recur numbers months from 0
        List<Month> months = r.hasPart(Part.BYMONTH)
                ? r.getByPart(Part.BYMONTH).stream().map(m -> Month.of(m + 1)).toList() : List.of();
        List<WeekdayNum> byDay = r.hasPart(Part.BYDAY) ? r.getByDayPart() : List.of();
        List<Integer> byMonthDay = r.hasPart(Part.BYMONTHDAY) ? r.getByPart(Part.BYMONTHDAY) : List.of();
        List<Integer> bySetPos = r.hasPart(Part.BYSETPOS) ? r.getByPart(Part.BYSETPOS) : List.of();
        FrequencyEnd end = end(r);
        FrequencyPattern pattern = switch (unit) {
            case DAILY -> daily(interval, months, byDay, byMonthDay, bySetPos);
            case WEEKLY -> weekly(r, interval, months, byDay, byMonthDay, bySetPos, anchor);
            default -> byDay(unit, interval, months, byDay, byMonthDay, bySetPos, anchor);
        };
        return new FrequencyDefinition(pattern, anchor, end);
    }

    private static FrequencyPattern daily(int interval, List<Month> months, List<WeekdayNum> byDay,
                                          List<Integer> byMonthDay, List<Integer> bySetPos) {
        if (!byMonthDay.isEmpty() || !bySetPos.isEmpty()) {
            throw refuse("unsupported", "BYMONTHDAY and BYSETPOS are not supported with FREQ=DAILY");
        }
        if (byDay.isEmpty()) {
            return new FrequencyPattern(FrequencyUnit.DAILY, interval, List.of(), null, null, null, null, null, months, null);
        }
        if (interval != 1) {
            throw refuse("unsupported", "FREQ=DAILY with BYDAY needs INTERVAL=1 (it is then weekly on those days)");
        }
        return new FrequencyPattern(FrequencyUnit.WEEKLY, 1, weekdays(byDay), null, null, null, null, null, months, null);
    }

    private static FrequencyPattern weekly(RecurrenceRule r, int interval, List<Month> months, List<WeekdayNum> byDay,
                                           List<Integer> byMonthDay, List<Integer> bySetPos, LocalDate anchor) {
        if (!byMonthDay.isEmpty() || !bySetPos.isEmpty()) {
            throw refuse("unsupported", "BYMONTHDAY and BYSETPOS are not supported with FREQ=WEEKLY");
        }
        List<DayOfWeek> weekdays = byDay.isEmpty() ? List.of(anchor.getDayOfWeek()) : weekdays(byDay);
        if (r.getWeekStart() != Weekday.MO && interval > 1 && weekdays.size() > 1) {
            throw refuse("unsupported", "WKST=" + r.getWeekStart() + " is not supported with INTERVAL>1 and several days:"
                    + " weeks start on Monday (WKST=MO)");
        }
        return new FrequencyPattern(FrequencyUnit.WEEKLY, interval, weekdays, null, null, null, null, null, months, null);
    }

    private static FrequencyPattern byDay(FrequencyUnit unit, int interval, List<Month> months, List<WeekdayNum> byDay,
                                          List<Integer> byMonthDay, List<Integer> bySetPos, LocalDate anchor) {
        Month month = null;
        List<Month> only = months;
        if (unit == FrequencyUnit.YEARLY) {
            if (months.size() > 1) {
                throw refuse("unsupported", "a yearly frequency has one month (BYMONTH=" + months.get(0).getValue()
                        + "); for several months use FREQ=MONTHLY with BYMONTH");
            }
            month = months.isEmpty() ? anchor.getMonth() : months.get(0);
            only = List.of();
        }
        if (!byDay.isEmpty()) {
            if (!byMonthDay.isEmpty() || byDay.size() > 1) {
                throw refuse("unsupported", "BYDAY must name one weekday with its position (such as BYDAY=-1FR) and no BYMONTHDAY");
            }
            WeekdayNum day = byDay.get(0);
            int pos = day.pos;
            if (!bySetPos.isEmpty()) {
                if (pos != 0 || bySetPos.size() > 1) {
                    throw refuse("unsupported", "BYSETPOS with BYDAY must be one position of a plain weekday, such as BYDAY=FR;BYSETPOS=-1");
                }
                pos = bySetPos.get(0);
            }
            if (pos == 0) {
                throw refuse("unsupported", "BYDAY=" + day + " (every such weekday of the month) is not supported:"
                        + " give a position such as BYDAY=1MO or BYDAY=-1FR, or use FREQ=WEEKLY");
            }
            if (pos < -1 || pos > 4) {
                throw refuse("unsupported", "weekday position " + pos + " cannot be expressed: a frequency falls on the"
                        + " first to fourth (1-4) or the last (-1) weekday of a month");
            }
            WeekPosition position = pos == -1 ? WeekPosition.LAST : WeekPosition.values()[pos - 1];
            return new FrequencyPattern(unit, interval, List.of(), DayRule.NTH_WEEKDAY, null, position,
                    dayOfWeek(day.weekday), month, only, null);
        }
        if (byMonthDay.isEmpty()) {
            if (!bySetPos.isEmpty()) {
                throw refuse("unsupported", "BYSETPOS needs BYMONTHDAY or BYDAY");
            }
            return dayOfMonth(unit, interval, anchor.getDayOfMonth(), ShortMonths.SKIP, month, only);
        }
        if (byMonthDay.size() == 1 && bySetPos.isEmpty()) {
            int day = byMonthDay.get(0);
            if (day == -1) {
                return new FrequencyPattern(unit, interval, List.of(), DayRule.LAST_DAY, null, null, null, month, only, null);
            }
            if (day < 1) {
                throw refuse("unsupported", "BYMONTHDAY=" + day + " cannot be expressed: use 1-31 or -1 (the last day)");
            }
            return dayOfMonth(unit, interval, day, ShortMonths.SKIP, month, only);
        }
        int last = byMonthDay.get(byMonthDay.size() - 1);
        List<Integer> clamp = IntStream.rangeClosed(28, Math.max(28, last)).boxed().toList();
        if (last >= 29 && byMonthDay.equals(clamp) && bySetPos.equals(List.of(-1))) {
            return dayOfMonth(unit, interval, last, ShortMonths.LAST_DAY, month, only);
        }
        throw refuse("unsupported", "BYMONTHDAY=" + byMonthDay.stream().map(String::valueOf).collect(Collectors.joining(","))
                + (bySetPos.isEmpty() ? "" : " with BYSETPOS") + " cannot be expressed: a frequency falls on one day of"
                + " the month (BYMONTHDAY=15), the last day (BYMONTHDAY=-1) or a day that falls back to the last day"
                + " (BYMONTHDAY=28,29,30,31;BYSETPOS=-1)");
    }

    private static FrequencyPattern dayOfMonth(FrequencyUnit unit, int interval, int day, ShortMonths shortMonths,
                                               Month month, List<Month> months) {
        return new FrequencyPattern(unit, interval, List.of(), DayRule.DAY_OF_MONTH, day, null, null, month, months,
                day > 28 ? shortMonths : null);
    }

    private static FrequencyEnd end(RecurrenceRule r) {
        if (r.getCount() != null) {
            return FrequencyEnd.after(r.getCount());
        }
        DateTime until = r.getUntil();
        if (until == null) {
            return FrequencyEnd.never();
        }
        if (!until.isAllDay()) {
            throw refuse("unsupported", "UNTIL must be a date (UNTIL=20261231), as DTSTART is a date");
        }
        return FrequencyEnd.on(LocalDate.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth()));
    }

    private static List<DayOfWeek> weekdays(List<WeekdayNum> byDay) {
        List<DayOfWeek> days = new ArrayList<>();
        for (WeekdayNum day : byDay) {
            if (day.pos != 0) {
                throw refuse("unsupported", "BYDAY=" + day + " has a position, which only MONTHLY and YEARLY rules can have");
            }
            days.add(dayOfWeek(day.weekday));
        }
        return days;
    }

    private static DayOfWeek dayOfWeek(Weekday day) {
        return switch (day) {
            case MO -> DayOfWeek.MONDAY;
            case TU -> DayOfWeek.TUESDAY;
            case WE -> DayOfWeek.WEDNESDAY;
            case TH -> DayOfWeek.THURSDAY;
            case FR -> DayOfWeek.FRIDAY;
            case SA -> DayOfWeek.SATURDAY;
            case SU -> DayOfWeek.SUNDAY;
        };
    }

    private static LocalDate startDate(String line) {
        int colon = line.indexOf(':');
        String params = colon < 0 ? "" : line.substring(0, colon).toUpperCase(Locale.ROOT);
        String value = colon < 0 ? "" : line.substring(colon + 1).trim();
        if (params.contains("TZID=") || value.contains("T")) {
            throw refuse("unsupported", "DTSTART must be a date (DTSTART;VALUE=DATE:20260131): frequencies repeat"
                    + " dates, in the tenant's time zone (X-WR-TIMEZONE); the time of day is a setting of the run");
        }
        if (!params.equals("DTSTART") && !params.equals("DTSTART;VALUE=DATE")) {
            throw refuse("malformed", "DTSTART must read DTSTART;VALUE=DATE:yyyymmdd");
        }
        try {
            return LocalDate.parse(value, BASIC_DATE);
        } catch (DateTimeException e) {
            throw refuse("malformed", "DTSTART '" + abbreviate(value) + "' is not a date yyyymmdd");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static DomainException refuse(String rule, String message) {
        return DomainException.invalid(FIELD, rule, message);
    }
}

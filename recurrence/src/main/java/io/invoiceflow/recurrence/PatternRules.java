package io.invoiceflow.recurrence;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.frequency.DayRule;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.frequency.FrequencyUnit;
import io.invoiceflow.events.frequency.ShortMonths;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rules of a frequency definition and its canonical form. Violations name the field by its path
 * ({@code pattern.interval}, {@code pattern.dayOfMonth}, {@code end.until}, {@code anchor}). The
 * canonical form has the fields that do not apply null (lists empty), weekdays and months sorted and
 * distinct, no end as {@code NEVER}, and {@code shortMonths} set only where some month the pattern can
 * fall in is shorter than {@code dayOfMonth} (there {@code LAST_DAY} unless {@code SKIP} was asked for).
 */
public final class PatternRules {
    public static final int MAX_INTERVAL = 999;
    public static final int MAX_OCCURRENCES = 999;
    public static final LocalDate MIN_DATE = LocalDate.of(2000, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(2399, 12, 31);

    private PatternRules() {
    }

    /** The canonical form of a definition; refused with every broken rule. The anchor must be set. */
    public static FrequencyDefinition canonical(FrequencyDefinition definition) {
        List<FieldViolation> v = new ArrayList<>();
        if (definition == null) {
            throw DomainException.invalid("$", "required", "a frequency definition is required");
        }
        FrequencyPattern pattern = pattern(definition.pattern(), v);
        LocalDate anchor = definition.anchor();
        if (anchor == null) {
            v.add(new FieldViolation("anchor", "required", "anchor is required"));
        } else if (anchor.isBefore(MIN_DATE) || anchor.isAfter(MAX_DATE)) {
            v.add(new FieldViolation("anchor", "range", "anchor must be from " + MIN_DATE + " to " + MAX_DATE));
        }
        FrequencyEnd end = end(definition.end(), anchor, v);
        if (!v.isEmpty()) {
            throw DomainException.invalid(v);
        }
        FrequencyDefinition canonical = new FrequencyDefinition(pattern, anchor, end);
        Recurrence recurrence = new Recurrence(canonical);
        if (recurrence.first().isEmpty()) {
            if (end.kind() == FrequencyEnd.Kind.ON_DATE && new Recurrence(new FrequencyDefinition(pattern, anchor,
                    FrequencyEnd.never())).first().isPresent()) {
                throw DomainException.invalid("end.until", "before-first-occurrence",
                        "end.until is before the first date of the pattern: the frequency would never occur");
            }
            throw DomainException.invalid("pattern", "never-occurs",
                    "the pattern never falls on a date from the anchor on (check dayOfMonth, shortMonths SKIP, months and interval)");
        }
        return canonical;
    }

    private static FrequencyPattern pattern(FrequencyPattern p, List<FieldViolation> v) {
        if (p == null) {
            v.add(new FieldViolation("pattern", "required", "pattern is required"));
            return null;
        }
        int before = v.size();
        FrequencyUnit unit = p.frequency();
        if (unit == null) {
            v.add(new FieldViolation("pattern.frequency", "required", "pattern.frequency is required: DAILY, WEEKLY, MONTHLY or YEARLY"));
        }
        if (p.interval() == null) {
            v.add(new FieldViolation("pattern.interval", "required", "pattern.interval is required"));
        } else if (p.interval() < 1 || p.interval() > MAX_INTERVAL) {
            v.add(new FieldViolation("pattern.interval", "range", "pattern.interval must be from 1 to " + MAX_INTERVAL));
        }
        List<DayOfWeek> weekdays = sorted(p.weekdays(), "pattern.weekdays", v);
        List<Month> months = sorted(p.months(), "pattern.months", v);
        if (unit == null) {
            return null;
        }
        boolean byDay = unit == FrequencyUnit.MONTHLY || unit == FrequencyUnit.YEARLY;
        if (unit == FrequencyUnit.WEEKLY) {
            if (weekdays.isEmpty()) {
                v.add(new FieldViolation("pattern.weekdays", "min-items", "a weekly pattern needs at least one weekday"));
            }
        } else {
            notApplicable(!weekdays.isEmpty(), "pattern.weekdays", unit, v);
        }
        if (unit == FrequencyUnit.YEARLY) {
            if (p.month() == null) {
                v.add(new FieldViolation("pattern.month", "required", "a yearly pattern needs its month"));
            }
            if (!months.isEmpty()) {
                v.add(new FieldViolation("pattern.months", "not-applicable",
                        "a yearly pattern names one month in pattern.month; for several months use MONTHLY with months"));
            }
        } else {
            notApplicable(p.month() != null, "pattern.month", unit, v);
        }
        ShortMonths shortMonths = null;
        if (byDay) {
            DayRule rule = p.dayRule();
            if (rule == null) {
                v.add(new FieldViolation("pattern.dayRule", "required",
                        "pattern.dayRule is required: DAY_OF_MONTH, LAST_DAY or NTH_WEEKDAY"));
            } else {
                shortMonths = day(p, unit, rule, months, v);
            }
        } else {
            notApplicable(p.dayRule() != null, "pattern.dayRule", unit, v);
            notApplicable(p.dayOfMonth() != null, "pattern.dayOfMonth", unit, v);
            notApplicable(p.position() != null, "pattern.position", unit, v);
            notApplicable(p.weekday() != null, "pattern.weekday", unit, v);
            notApplicable(p.shortMonths() != null, "pattern.shortMonths", unit, v);
        }
        if (v.size() > before) {
            return null;
        }
        DayRule rule = byDay ? p.dayRule() : null;
        return new FrequencyPattern(unit, p.interval(), weekdays, rule,
                rule == DayRule.DAY_OF_MONTH ? p.dayOfMonth() : null,
                rule == DayRule.NTH_WEEKDAY ? p.position() : null,
                rule == DayRule.NTH_WEEKDAY ? p.weekday() : null,
                unit == FrequencyUnit.YEARLY ? p.month() : null, months, shortMonths);
    }

    /** Checks the day of a monthly or yearly pattern; returns the canonical {@code shortMonths}. */
    private static ShortMonths day(FrequencyPattern p, FrequencyUnit unit, DayRule rule, List<Month> months,
                                   List<FieldViolation> v) {
        boolean dayOfMonth = rule == DayRule.DAY_OF_MONTH;
        boolean nth = rule == DayRule.NTH_WEEKDAY;
        if (!dayOfMonth) {
            notApplicable(p.dayOfMonth() != null, "pattern.dayOfMonth", rule, v);
            notApplicable(p.shortMonths() != null, "pattern.shortMonths", rule, v);
        }
        if (!nth) {
            notApplicable(p.position() != null, "pattern.position", rule, v);
            notApplicable(p.weekday() != null, "pattern.weekday", rule, v);
        } else {
            if (p.position() == null) {
                v.add(new FieldViolation("pattern.position", "required",
                        "pattern.position is required: FIRST, SECOND, THIRD, FOURTH or LAST"));
            }
            if (p.weekday() == null) {
                v.add(new FieldViolation("pattern.weekday", "required", "pattern.weekday is required"));
            }
        }
        if (!dayOfMonth) {
            return null;
        }
        Integer day = p.dayOfMonth();
        if (day == null) {
            v.add(new FieldViolation("pattern.dayOfMonth", "required", "pattern.dayOfMonth is required (1-31)"));
            return null;
        }
        if (day < 1 || day > 31) {
            v.add(new FieldViolation("pattern.dayOfMonth", "range",
                    "pattern.dayOfMonth must be from 1 to 31 (LAST_DAY for the last day of the month)"));
            return null;
        }
        if (unit == FrequencyUnit.YEARLY && p.month() != null && day > p.month().maxLength()) {
            v.add(new FieldViolation("pattern.dayOfMonth", "range",
                    "pattern.dayOfMonth must be at most " + p.month().maxLength() + " in " + p.month()));
            return null;
        }
        List<Month> reachable = unit == FrequencyUnit.YEARLY
                ? (p.month() == null ? List.of() : List.of(p.month()))
                : months.isEmpty() ? List.of(Month.values()) : months;
        boolean someShorter = reachable.stream().anyMatch(m -> m.minLength() < day);
        if (!someShorter) {
            return null;
        }
        return p.shortMonths() == null ? ShortMonths.LAST_DAY : p.shortMonths();
    }

    private static FrequencyEnd end(FrequencyEnd e, LocalDate anchor, List<FieldViolation> v) {
        if (e == null) {
            return FrequencyEnd.never();
        }
        if (e.kind() == null) {
            v.add(new FieldViolation("end.kind", "required", "end.kind is required: NEVER, AFTER_OCCURRENCES or ON_DATE"));
            return null;
        }
        switch (e.kind()) {
            case NEVER -> {
                notApplicable(e.occurrences() != null, "end.occurrences", e.kind(), v);
                notApplicable(e.until() != null, "end.until", e.kind(), v);
                return FrequencyEnd.never();
            }
            case AFTER_OCCURRENCES -> {
                notApplicable(e.until() != null, "end.until", e.kind(), v);
                if (e.occurrences() == null) {
                    v.add(new FieldViolation("end.occurrences", "required", "end.occurrences is required"));
                } else if (e.occurrences() < 1 || e.occurrences() > MAX_OCCURRENCES) {
                    v.add(new FieldViolation("end.occurrences", "range",
                            "end.occurrences must be from 1 to " + MAX_OCCURRENCES));
                } else {
                    return FrequencyEnd.after(e.occurrences());
                }
                return null;
            }
            default -> {
                notApplicable(e.occurrences() != null, "end.occurrences", e.kind(), v);
                if (e.until() == null) {
                    v.add(new FieldViolation("end.until", "required", "end.until is required"));
                } else if (anchor != null && e.until().isBefore(anchor)) {
                    v.add(new FieldViolation("end.until", "not-before-anchor",
                            "end.until must not be before the anchor " + anchor));
                } else if (e.until().isAfter(MAX_DATE)) {
                    v.add(new FieldViolation("end.until", "range", "end.until must be at most " + MAX_DATE));
                } else {
                    return FrequencyEnd.on(e.until());
                }
                return null;
            }
        }
    }

    private static <E extends Enum<E>> List<E> sorted(List<E> values, String field, List<FieldViolation> v) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            v.add(new FieldViolation(field, "required", field + " must not contain null"));
            return List.of();
        }
        return values.stream().distinct().sorted().toList();
    }

    private static void notApplicable(boolean present, String field, Object kind, List<FieldViolation> v) {
        if (present) {
            v.add(new FieldViolation(field, "not-applicable", field + " does not apply to " + kind + "; leave it out"));
        }
    }
}

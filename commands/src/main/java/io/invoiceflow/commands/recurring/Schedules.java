package io.invoiceflow.commands.recurring;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.commands.shared.Violations;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.recurring.RecurringPeriod;
import io.invoiceflow.events.recurring.ScheduleInput;
import io.invoiceflow.recurrence.PatternRules;

import java.time.LocalDate;
import java.util.Map;

/**
 * Turns the schedule a client wrote into the canonical {@link FrequencyDefinition} a recurring schedule
 * keeps: exactly one of a catalogue frequency (active, Q5: its pattern and end copied), a period (R1) or
 * an inline pattern (Q1); the first date (the anchor) tomorrow at the earliest in the tenant's zone (R2);
 * an optional end date not before it (R3), which replaces a catalogue frequency's own end. Field paths
 * are those of the request body ({@code firstDate}, {@code endDate}, {@code pattern.interval}, ...).
 */
final class Schedules {
    /** The pattern engine's paths for what the request calls otherwise. */
    private static final Map<String, String> FIELDS = Map.of("anchor", "firstDate", "end.until", "endDate");

    private Schedules() {
    }

    /** The resolved schedule and the catalogue frequency it came from (null for a period or a pattern). */
    record Resolved(FrequencyDefinition definition, FrequencyId frequencyId) {
    }

    /** The schedule, or null when {@code v} got a violation; an unknown frequency is refused at once. */
    static Resolved resolve(ScheduleInput input, TenantRecord tenant, Directory directory, LocalDate today,
                            Violations v) {
        ScheduleInput in = input != null ? input : new ScheduleInput(null, null, null, null, null);
        int before = v.size();
        LocalDate first = in.firstDate();
        if (v.required("firstDate", first)) {
            if (!first.isAfter(today)) {
                v.add("firstDate", "not-before-tomorrow", "firstDate must be tomorrow (" + today.plusDays(1)
                        + " in the tenant's time zone) or later: recurring invoices are produced once a day");
            } else if (first.isAfter(PatternRules.MAX_DATE)) {
                v.add("firstDate", "range", "firstDate must be at most " + PatternRules.MAX_DATE);
            }
        }
        if (in.endDate() != null && first != null && in.endDate().isBefore(first)) {
            v.add("endDate", "not-before-first-date", "endDate must not be before firstDate " + first);
        }
        int given = (in.frequencyId() != null ? 1 : 0) + (in.period() != null ? 1 : 0) + (in.pattern() != null ? 1 : 0);
        if (given == 0) {
            v.add("period", "required", "one of frequencyId, period (WEEK, MONTH, QUARTER, YEAR) or pattern is required");
        } else if (given > 1) {
            v.add(in.pattern() != null ? "pattern" : "period", "exclusive",
                    "give only one of frequencyId, period or pattern");
        }
        if (v.size() > before) {
            return null;
        }
        FrequencyPattern pattern;
        FrequencyEnd end = in.endDate() != null ? FrequencyEnd.on(in.endDate()) : FrequencyEnd.never();
        if (in.frequencyId() != null) {
            Directory.FrequencyEntry frequency = directory.frequency(tenant.tenantId(), in.frequencyId())
                    .orElseThrow(() -> DomainException.unknownReference("frequencyId",
                            "frequency " + in.frequencyId() + " is not in this tenant's catalogue"));
            if (!frequency.active()) {
                v.add("frequencyId", "active", "frequency " + frequency.name()
                        + " is deactivated: only active frequencies can be used");
                return null;
            }
            FrequencyEnd own = frequency.definition().end();
            if (in.endDate() == null && own.kind() == FrequencyEnd.Kind.ON_DATE && own.until().isBefore(first)) {
                v.add("frequencyId", "ended", "frequency " + frequency.name() + " ends on " + own.until()
                        + ", before firstDate; give an endDate or another frequency");
                return null;
            }
            pattern = frequency.definition().pattern();
            end = in.endDate() != null ? end : own;
        } else if (in.period() != null) {
            pattern = pattern(in.period(), first);
        } else {
            pattern = in.pattern();
        }
        try {
            return new Resolved(PatternRules.canonical(new FrequencyDefinition(pattern, first, end)), in.frequencyId());
        } catch (DomainException e) {
            for (FieldViolation f : e.violations()) {
                String message = f.message();
                for (Map.Entry<String, String> name : FIELDS.entrySet()) {
                    message = message.replace(name.getKey(), name.getValue());
                }
                v.add(FIELDS.getOrDefault(f.field(), f.field()), f.rule(), message);
            }
            return null;
        }
    }

    /** A period's pattern, anchored on the first date. */
    static FrequencyPattern pattern(RecurringPeriod period, LocalDate first) {
        return switch (period) {
            case WEEK -> FrequencyPattern.weekly(1, first.getDayOfWeek());
            case MONTH -> FrequencyPattern.monthlyOnDay(1, first.getDayOfMonth());
            case QUARTER -> FrequencyPattern.monthlyOnDay(3, first.getDayOfMonth());
            case YEAR -> FrequencyPattern.yearlyOnDay(1, first.getMonth(), first.getDayOfMonth());
        };
    }
}

package io.invoiceflow.recurrence;

import io.invoiceflow.events.frequency.FrequencyDefinition;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The same dates as {@link Recurrence}, expanded by lib-recur from the definition's RRULE with the
 * anchor as an all-day DTSTART: the reference semantics the property tests and the benchmark compare
 * the arithmetic of {@link Recurrence} with. lib-recur yields only matching dates (an anchor that does
 * not match is not an instance) and counts COUNT over them, as {@link Recurrence} does.
 */
public final class LibRecurReference {
    private final RecurrenceRule rule;
    private final DateTime start;

    public LibRecurReference(FrequencyDefinition canonical) {
        try {
            this.rule = new RecurrenceRule(RRules.rule(canonical.pattern(), canonical.end()),
                    RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalArgumentException("lib-recur refused " + canonical, e);
        }
        LocalDate anchor = canonical.anchor();
        this.start = new DateTime(anchor.getYear(), anchor.getMonthValue() - 1, anchor.getDayOfMonth());
    }

    /** The first date strictly after {@code date}. */
    public Optional<LocalDate> nextAfter(LocalDate date) {
        RecurrenceRuleIterator it = rule.iterator(start);
        LocalDate after = date.plusDays(1);
        it.fastForward(new DateTime(after.getYear(), after.getMonthValue() - 1, after.getDayOfMonth()));
        return it.hasNext() ? Optional.of(date(it.nextDateTime())) : Optional.empty();
    }

    /** Up to {@code count} dates from the anchor on. */
    public List<LocalDate> first(int count) {
        RecurrenceRuleIterator it = rule.iterator(start);
        List<LocalDate> dates = new ArrayList<>();
        while (dates.size() < count && it.hasNext()) {
            dates.add(date(it.nextDateTime()));
        }
        return dates;
    }

    private static LocalDate date(DateTime dateTime) {
        return LocalDate.of(dateTime.getYear(), dateTime.getMonth() + 1, dateTime.getDayOfMonth());
    }
}

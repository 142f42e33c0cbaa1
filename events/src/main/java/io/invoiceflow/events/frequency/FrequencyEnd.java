package io.invoiceflow.events.frequency;

import java.time.LocalDate;

/**
 * When a frequency stops (Q2): {@code NEVER}; {@code AFTER_OCCURRENCES}, after {@code occurrences}
 * dates counted from the anchor; or {@code ON_DATE}, with {@code until} as the last possible date.
 */
public record FrequencyEnd(Kind kind, Integer occurrences, LocalDate until) {
    public enum Kind { NEVER, AFTER_OCCURRENCES, ON_DATE }

    public static FrequencyEnd never() {
        return new FrequencyEnd(Kind.NEVER, null, null);
    }

    public static FrequencyEnd after(int occurrences) {
        return new FrequencyEnd(Kind.AFTER_OCCURRENCES, occurrences, null);
    }

    public static FrequencyEnd on(LocalDate until) {
        return new FrequencyEnd(Kind.ON_DATE, null, until);
    }
}

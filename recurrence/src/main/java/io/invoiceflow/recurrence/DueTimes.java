package io.invoiceflow.recurrence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;

/**
 * When a run for an occurrence date is due: the date at a local time (for example 06:15) in the
 * tenant's zone, exactly once per date, also on daylight-saving days (ADR 0100):
 * <ul>
 *   <li>in a <b>gap</b> (the clocks jump forward over the time, say 02:30 on a spring-forward night) the
 *       run is due at the same distance after the gap's start, that is when the wall clock first reads
 *       the time shifted by the gap's length (02:30 becomes 03:30 after a one-hour gap);</li>
 *   <li>in an <b>overlap</b> (the clocks fall back and the time happens twice) the run is due at the
 *       first of the two, with the offset before the transition.</li>
 * </ul>
 * The due instants of ascending dates strictly ascend, so a cursor "next due after instant I" never
 * runs a date twice and never skips one.
 */
public final class DueTimes {
    private DueTimes() {
    }

    /** The instant the run for {@code date} is due at {@code time} in {@code zone}. */
    public static Instant dueAt(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        // gap: the offset before it moves the time later by the gap; overlap: it picks the earlier instant
        ZoneOffset offset = transition == null ? zone.getRules().getOffset(local) : transition.getOffsetBefore();
        return local.toInstant(offset);
    }
}

package io.invoiceflow.streams.recurring;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the morning runs of this instance did, and up to when each of its scheduler tasks has run:
 * the operator's "run now" waits on that (a run for an instant is over when every task has run at
 * or after it).
 */
public final class SchedulerMetrics {
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong skippedTooLate = new AtomicLong();
    private final Map<String, Instant> ranUpTo = new ConcurrentHashMap<>();

    /** Commands sent, one per occurrence and customer. */
    public long issued() {
        return issued.get();
    }

    /** Dates not issued because they were missed by more than the catch-up window (R7). */
    public long skippedTooLate() {
        return skippedTooLate.get();
    }

    /** The earliest instant every task of this instance has run up to; empty before they all ran once. */
    public Optional<Instant> ranUpTo() {
        return ranUpTo.values().stream().min(Instant::compareTo);
    }

    void countIssued(long count) {
        issued.addAndGet(count);
    }

    void countLateSkip() {
        skippedTooLate.incrementAndGet();
    }

    void ran(String task, Instant upTo) {
        ranUpTo.put(task, upTo);
    }

    void closed(String task) {
        ranUpTo.remove(task);
    }
}

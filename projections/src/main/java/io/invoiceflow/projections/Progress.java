package io.invoiceflow.projections;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * How far the fold has come: per tenant, the last event applied (its position on the partitioned
 * topic and its time); and a signal for readers waiting until an event is reflected.
 */
public final class Progress {
    /** Where a tenant's read models stand: the partition and offset of the last applied record, and its event's time. */
    public record Position(int partition, long offset, Instant eventTime) {
        @Override
        public String toString() {
            return partition + "@" + offset;
        }
    }

    private final Map<String, Position> byTenant = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong gaps = new AtomicLong();
    private volatile Instant lastEventTime;
    private volatile Instant lastAppliedAt;
    private final List<LongConsumer> visibilityObservers = new CopyOnWriteArrayList<>();

    void applied(String tenant, Position position, Instant appliedAt) {
        for (LongConsumer observer : visibilityObservers) {
            observer.accept(Duration.between(position.eventTime(), appliedAt).toNanos() / 1000);
        }
        byTenant.put(tenant, position);
        lastEventTime = position.eventTime();
        lastAppliedAt = appliedAt;
        applied.incrementAndGet();
        if (waiting.get() > 0) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }

    /** Tells {@code observer}, for every event applied from now on, the microseconds from the event to its reflection. */
    public void observeVisibility(LongConsumer observer) {
        visibilityObservers.add(observer);
    }

    void skipped() {
        skipped.incrementAndGet();
    }

    void duplicate() {
        duplicates.incrementAndGet();
    }

    void gap() {
        gaps.incrementAndGet();
    }

    public Position position(String tenant) {
        return byTenant.get(tenant);
    }

    /** Waits until {@code reached} is true or {@code timeout} passes; re-checked after every applied event. */
    public boolean await(BooleanSupplier reached, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        waiting.incrementAndGet();
        try {
            synchronized (signal) {
                while (!reached.getAsBoolean()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    signal.wait(Math.max(1, left / 1_000_000));
                }
                return true;
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    public long appliedCount() {
        return applied.get();
    }

    public long skippedCount() {
        return skipped.get();
    }

    public long duplicateCount() {
        return duplicates.get();
    }

    public long gapCount() {
        return gaps.get();
    }

    /** The time of the last event applied, null before the first. */
    public Instant lastEventTime() {
        return lastEventTime;
    }

    public Instant lastAppliedAt() {
        return lastAppliedAt;
    }
}

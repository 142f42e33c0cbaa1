package io.invoiceflow.app.kafka;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A point in time on the monotonic clock that bounds a wait. */
record Deadline(long nanoTime, Duration timeout) {

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos(), timeout);
    }

    /** Milliseconds left, never negative, capped at {@link Integer#MAX_VALUE} as Kafka's client timeouts are ints. */
    int remainingMillis() {
        long remaining = TimeUnit.NANOSECONDS.toMillis(nanoTime - System.nanoTime());
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, remaining));
    }

    boolean expired() {
        return remainingMillis() == 0;
    }
}

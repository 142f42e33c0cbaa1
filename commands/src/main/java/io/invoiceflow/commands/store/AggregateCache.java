package io.invoiceflow.commands.store;

import org.axonframework.common.caching.WeakReferenceCache;

/**
 * The aggregate cache: an aggregate that stays in memory is not reloaded from the store for its
 * next command. It remembers, per thread, whether a command was served a cached aggregate: with
 * several instances on one store the cached state can be stale. A stale aggregate that accepts a
 * command conflicts on the sequence number when it appends (and is retried on fresh state); one that
 * refuses must be asked again, and {@link #servedThisThread()} tells the sender when to.
 * Every rollback evicts the aggregates the unit of work loaded (Axon's caching repository).
 */
public final class AggregateCache extends WeakReferenceCache {
    private static final ThreadLocal<Boolean> SERVED = ThreadLocal.withInitial(() -> false);

    @Override
    public <K, V> V get(K key) {
        V value = super.get(key);
        if (value != null) {
            SERVED.set(true);
        }
        return value;
    }

    /** Starts counting for a new command on this thread. */
    public static void resetThisThread() {
        SERVED.set(false);
    }

    /** Whether the current command on this thread was served an aggregate from a cache. */
    public static boolean servedThisThread() {
        return SERVED.get();
    }
}

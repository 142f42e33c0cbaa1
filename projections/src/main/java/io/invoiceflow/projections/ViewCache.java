package io.invoiceflow.projections;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

/**
 * The entries of the {@link ReadStores#VIEWS} store that queries read lately, in memory and bounded by size.
 * Kafka Streams' {@code RocksDBStore.get} is {@code synchronized}: every read of a tenant's views takes one
 * monitor, and at thousands of reads a second request threads queue behind each other on it (ADR 0240). A read
 * that finds its entry here takes no lock.
 * <p>
 * The fold reports each write of a key ({@link #written}) after it wrote the store, and everything is dropped
 * whenever a fold task starts or closes ({@link #clear}). A reader that misses stamps its key's stripe before it
 * reads the store, and caches what it read only if no write to that stripe came in between, so a value that a
 * write has just replaced is never cached. Absent keys are not cached.
 */
public final class ViewCache {
    private static final int STRIPES = 1024;
    /** Bytes an entry costs beyond its key's characters and its value's bytes (Caffeine's node, the map's entry). */
    private static final int ENTRY_OVERHEAD = 120;
    private static final ViewCache OFF = new ViewCache(null);

    private final Cache<String, byte[]> entries; // null: caching is off
    private final AtomicLongArray writes = new AtomicLongArray(STRIPES);

    private ViewCache(Cache<String, byte[]> entries) {
        this.entries = entries;
    }

    /** A cache of at most {@code maxBytes} (keys and values, approximately); 0 turns caching off. */
    public static ViewCache ofBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0, not " + maxBytes);
        }
        return maxBytes == 0 ? OFF : new ViewCache(Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, byte[] value) -> ENTRY_OVERHEAD + 2 * key.length() + value.length)
                .executor(Runnable::run) // evict on the caller's thread, not in the common pool
                .recordStats()
                .build());
    }

    /** Reads go straight to the store. */
    public static ViewCache off() {
        return OFF;
    }

    /**
     * The stored value of {@code key}: from the cache, or read from the store by {@code store} (null if absent) and
     * then cached.
     */
    public byte[] get(String key, Function<String, byte[]> store) {
        return entries == null ? store.apply(key) : getCached(key, store);
    }

    private byte[] getCached(String key, Function<String, byte[]> store) {
        byte[] cached = entries.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        int stripe = stripe(key);
        long stamp = writes.get(stripe);
        byte[] read = store.apply(key);
        if (read != null) {
            // atomic with written()'s invalidate of the same key: either this sees its stripe moved, or the
            // invalidate comes after and removes what this put
            entries.asMap().compute(key, (k, current) -> writes.get(stripe) == stamp ? read : current);
        }
        return read;
    }

    /** Called by the fold after it wrote or deleted {@code key} in the store. */
    void written(String key) {
        if (entries != null) {
            writes.incrementAndGet(stripe(key));
            entries.invalidate(key);
        }
    }

    /** Drops every entry: a fold task started (its store may have been restored) or closed (its tenants moved). */
    public void clear() {
        if (entries != null) {
            for (int i = 0; i < STRIPES; i++) {
                writes.incrementAndGet(i);
            }
            entries.invalidateAll();
        }
    }

    /** Entries held now. */
    public long size() {
        return entries == null ? 0 : entries.estimatedSize();
    }

    /** Reads answered from the cache so far. */
    public long hits() {
        return entries == null ? 0 : entries.stats().hitCount();
    }

    /** Reads that went to the store so far. */
    public long misses() {
        return entries == null ? 0 : entries.stats().missCount();
    }

    /** The entries' weight now: their keys' and values' bytes, approximately. */
    public long bytes() {
        return entries == null ? 0 : entries.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    private static int stripe(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}

package io.invoiceflow.streams;

import io.invoiceflow.projections.ReadStores;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What is due when, for a wall-clock punctuator: entries {@code (instant, tenant, id)} in a state store whose
 * keys sort by the instant ({@code <epoch millis, 19 digits><SEP><tenant><SEP><id>}, empty values), so the
 * entries due by now are one range scan. The distribution's jobs and the scheduler's cursors are indexed so.
 */
public final class DueIndex {
    private static final byte[] NOTHING = new byte[0];
    private static final String SEP = String.valueOf(ReadStores.SEP);

    private final KeyValueStore<String, byte[]> store;

    public DueIndex(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** One entry: {@code id} of {@code tenant} is due at {@code at}. */
    public record Entry(Instant at, String tenant, String id) {
    }

    public void put(Instant at, String tenant, String id) {
        store.put(key(at, tenant, id), NOTHING);
    }

    public void remove(Instant at, String tenant, String id) {
        store.delete(key(at, tenant, id));
    }

    /** Every entry due at or before {@code now}, earliest first, read before the caller changes the index. */
    public List<Entry> dueBy(Instant now) {
        List<Entry> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.range("", instant(now) + '\uffff')) {
            it.forEachRemaining(kv -> {
                String[] parts = kv.key.split(SEP);
                due.add(new Entry(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1], parts[2]));
            });
        }
        return due;
    }

    private static String key(Instant at, String tenant, String id) {
        return instant(at) + SEP + tenant + SEP + id;
    }

    private static String instant(Instant at) {
        return String.format("%019d", at.toEpochMilli());
    }
}

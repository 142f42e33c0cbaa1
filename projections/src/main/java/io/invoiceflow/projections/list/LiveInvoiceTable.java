package io.invoiceflow.projections.list;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's invoice list under change: the fold {@link #put}s and {@link #remove}s rows, queries take a
 * {@link #snapshot}. Each row keeps its slot, so a change marks one chunk stale and the next snapshot
 * re-encodes only the stale chunks (a chunk of {@value Chunk#SIZE} rows, not the whole list). Slots of removed
 * rows are reused. Thread-safe.
 */
public final class LiveInvoiceTable {
    private final Map<String, Integer> slotOf = new HashMap<>();
    private final List<InvoiceRow[]> slots = new ArrayList<>();
    private final BitSet stale = new BitSet();
    private int[] free = new int[16];
    private int freeCount;
    private int highWater;
    private InvoiceTable snapshot = InvoiceTable.EMPTY;
    /** The snapshot while no row changed since it was taken; null otherwise. Read without the lock. */
    private volatile InvoiceTable current = InvoiceTable.EMPTY;

    /** Adds the row, or replaces the row of the same invoice. */
    public synchronized void put(InvoiceRow row) {
        Integer slot = slotOf.get(row.invoiceId());
        int s = slot != null ? slot : allocate(row.invoiceId());
        slots.get(s >>> Chunk.BITS)[s & Chunk.INDEX] = row;
        stale.set(s >>> Chunk.BITS);
        current = null;
    }

    /** Removes the invoice's row, if there is one. */
    public synchronized void remove(String invoiceId) {
        Integer slot = slotOf.remove(invoiceId);
        if (slot == null) {
            return;
        }
        slots.get(slot >>> Chunk.BITS)[slot & Chunk.INDEX] = null;
        stale.set(slot >>> Chunk.BITS);
        current = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
    }

    private int allocate(String invoiceId) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            slot = highWater++;
            if (slot >>> Chunk.BITS == slots.size()) {
                slots.add(new InvoiceRow[Chunk.SIZE]);
            }
        }
        slotOf.put(invoiceId, slot);
        return slot;
    }

    /** The rows as of now. */
    public InvoiceTable snapshot() {
        InvoiceTable unchanged = current;
        return unchanged != null ? unchanged : refresh();
    }

    private synchronized InvoiceTable refresh() {
        if (stale.isEmpty()) {
            return snapshot;
        }
        Chunk[] chunks = Arrays.copyOf(snapshot.chunks, slots.size());
        for (int c = stale.nextSetBit(0); c >= 0; c = stale.nextSetBit(c + 1)) {
            chunks[c] = new Chunk(slots.get(c));
        }
        stale.clear();
        snapshot = new InvoiceTable(chunks, slotOf.size());
        current = snapshot;
        return snapshot;
    }
}

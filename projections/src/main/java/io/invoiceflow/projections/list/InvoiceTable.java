package io.invoiceflow.projections.list;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A tenant's invoice list as of one moment, stored by column in chunks of {@value Chunk#SIZE} rows
 * ({@link InvoiceQuery#page(InvoiceTable, java.time.LocalDate)} scans it). Immutable and thread-safe.
 * {@link LiveInvoiceTable} keeps one up to date under changes; {@link #of} builds one from rows.
 */
public final class InvoiceTable {
    public static final InvoiceTable EMPTY = new InvoiceTable(new Chunk[0], 0);

    final Chunk[] chunks;
    private final int size;
    private volatile List<InvoiceRow> rows;

    InvoiceTable(Chunk[] chunks, int size) {
        this.chunks = chunks;
        this.size = size;
    }

    /** A table of the rows given, in their order. */
    public static InvoiceTable of(Iterable<InvoiceRow> rows) {
        List<Chunk> chunks = new ArrayList<>();
        InvoiceRow[] slots = new InvoiceRow[Chunk.SIZE];
        int size = 0;
        for (InvoiceRow row : rows) {
            slots[size++ % Chunk.SIZE] = row;
            if (size % Chunk.SIZE == 0) {
                chunks.add(new Chunk(slots));
                Arrays.fill(slots, null);
            }
        }
        if (size % Chunk.SIZE != 0) {
            chunks.add(new Chunk(slots));
        }
        return new InvoiceTable(chunks.toArray(Chunk[]::new), size);
    }

    /** How many rows it holds. */
    public int size() {
        return size;
    }

    /** Its rows (unmodifiable), for what reads every row anyway: the CSV export, the dashboard. */
    public List<InvoiceRow> rows() {
        List<InvoiceRow> all = rows;
        if (all == null) {
            List<InvoiceRow> collected = new ArrayList<>(size);
            for (Chunk chunk : chunks) {
                for (InvoiceRow row : chunk.rows) {
                    if (row != null) {
                        collected.add(row);
                    }
                }
            }
            all = Collections.unmodifiableList(collected);
            rows = all;
        }
        return all;
    }
}

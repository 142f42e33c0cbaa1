package io.invoiceflow.projections.list;

/**
 * A {@link SortOrder} over the slots of a table's chunks ({@code chunk << Chunk.BITS | index}): encoded
 * columns compare as {@code long}s, text columns by their {@link Chunk#textKey} first; enums, text with equal
 * keys and values without a {@code long} form through the order itself, so both give the same order. Also
 * places a slot against a cursor's key.
 */
final class ChunkOrder {
    /** What {@link #compare(int, long, long)} returns when the rows' values must decide. */
    private static final int UNDECIDED = Integer.MIN_VALUE;

    private final SortOrder order;
    private final Chunk[] chunks;
    /** Per sort column: the chunk column compared as {@code long}s, or -1 to compare the row's values. */
    private final int[] column;
    /** Per sort column: whether it is text, compared by {@link Chunk#textKeys} first. */
    private final boolean[] text;
    private final boolean[] descending;
    /** The cursor's key (null on a first page), and its values encoded. */
    private final Object[] key;
    private final long[] encodedKey;

    ChunkOrder(SortOrder order, Chunk[] chunks, Object[] key) {
        this.order = order;
        this.chunks = chunks;
        int n = order.size();
        column = new int[n];
        text = new boolean[n];
        descending = new boolean[n];
        encodedKey = new long[n];
        for (int k = 0; k < n; k++) {
            Field f = order.field(k);
            column[k] = Chunk.isEncoded(f) && f.type != Field.Type.ENUM ? f.ordinal() : -1;
            text[k] = f.type == Field.Type.TEXT || f.type == Field.Type.IDENTIFIER;
            descending[k] = order.descending(k);
            if (key != null) {
                encodedKey[k] = text[k] ? Chunk.textKey((String) key[k], order.alphabet())
                        : column[k] < 0 ? Chunk.OTHER : Chunk.encode(f, key[k]);
            }
        }
        this.key = key;
    }

    int compare(int a, int b) {
        Chunk ca = chunks[a >>> Chunk.BITS];
        Chunk cb = chunks[b >>> Chunk.BITS];
        int ia = a & Chunk.INDEX;
        int ib = b & Chunk.INDEX;
        for (int k = 0; k < column.length; k++) {
            int c = text[k] ? compareText(k, textKeys(ca, k)[ia], textKeys(cb, k)[ib])
                    : column[k] < 0 ? UNDECIDED : compare(k, ca.columns[column[k]][ia], cb.columns[column[k]][ib]);
            if (c == UNDECIDED) {
                Field f = order.field(k);
                c = order.compareValues(k, f.get(ca.rows[ia]), f.get(cb.rows[ib]));
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Where the slot stands against the cursor's key: negative before it, zero on it, positive after it. */
    int compareToKey(int a) {
        Chunk ca = chunks[a >>> Chunk.BITS];
        int ia = a & Chunk.INDEX;
        for (int k = 0; k < column.length; k++) {
            int c = text[k] ? compareText(k, textKeys(ca, k)[ia], encodedKey[k])
                    : column[k] < 0 ? UNDECIDED : compare(k, ca.columns[column[k]][ia], encodedKey[k]);
            if (c == UNDECIDED) {
                c = order.compareValues(k, order.field(k).get(ca.rows[ia]), key[k]);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** Two encoded values in column k's direction, nulls last; {@link #UNDECIDED} when one has no form. */
    private int compare(int k, long x, long y) {
        if (x == Chunk.OTHER || y == Chunk.OTHER) {
            return UNDECIDED;
        }
        if (x == y) {
            return 0;
        }
        if (x == Chunk.NULL || y == Chunk.NULL) {
            return x == Chunk.NULL ? 1 : -1;
        }
        int c = Long.compare(x, y);
        return descending[k] ? -c : c;
    }

    private long[] textKeys(Chunk chunk, int k) {
        return chunk.textKeys(order.field(k), order.alphabet());
    }

    /** Two text keys in column k's direction, nulls last; {@link #UNDECIDED} when equal (the texts decide). */
    private int compareText(int k, long x, long y) {
        if (x == y) {
            return UNDECIDED;
        }
        if (x == Chunk.NO_TEXT || y == Chunk.NO_TEXT) {
            return x == Chunk.NO_TEXT ? 1 : -1;
        }
        int c = Long.compare(x, y);
        return descending[k] ? -c : c;
    }
}

package io.invoiceflow.projections.list;

import io.invoiceflow.projections.list.Field.Op;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * A filter bound for one query and evaluated a {@link Chunk} at a time: it sets one bit per matching slot.
 * Conditions on encoded columns compare {@code long}s; {@code q} searches the chunk's folded text; text
 * columns, and any row whose value has no {@code long} form, are tested on the row itself with the filter's
 * own {@link Filter.RowTest}, so both ways give the same answer by construction. A bound test keeps scratch
 * masks: use it on one thread.
 */
abstract class ChunkTest {

    /**
     * Sets {@code out} to the slots among {@code candidates} that match (each a live slot of the chunk); a
     * slot that is not a candidate is not tested. {@code out} and {@code candidates} are different arrays.
     */
    abstract void eval(Chunk chunk, long[] candidates, long[] out);

    static ChunkTest bind(Filter filter, LocalDate today, Alphabet alphabet) {
        if (filter instanceof Filter.All) {
            return new Constant();
        }
        if (filter instanceof Filter.Not not) {
            return new Negation(bind(not.inner(), today, alphabet));
        }
        if (filter instanceof Filter.Junction junction) {
            return new Junction(junction.all(),
                    junction.parts().stream().map(p -> bind(p, today, alphabet)).toArray(ChunkTest[]::new));
        }
        Filter.Condition condition = (Filter.Condition) filter;
        Filter.RowTest onRow = condition.bind(today, alphabet);
        Field field = condition.field();
        if (field.type == Field.Type.BOOLEAN) {
            return new Overdue(today, (Boolean) condition.values().get(0).resolve(today) == (condition.op() == Op.EQ),
                    onRow);
        }
        if (field.type == Field.Type.SEARCH) {
            String needle = (String) condition.values().get(0).resolve(today);
            return needle.isEmpty() || needle.indexOf(Chunk.SEPARATOR) >= 0 ? new OnRows(onRow) : new Search(needle);
        }
        if (!Chunk.isEncoded(field)) {
            return new OnRows(onRow);
        }
        long[] literals = new long[condition.values().size()];
        for (int i = 0; i < literals.length; i++) {
            literals[i] = Chunk.encode(field, condition.values().get(i).resolve(today));
            if (literals[i] == Chunk.OTHER) {
                return new OnRows(onRow);
            }
        }
        return new Compare(field.ordinal(), condition.op(), literals, onRow);
    }

    private static final class Constant extends ChunkTest {
        @Override
        void eval(Chunk chunk, long[] candidates, long[] out) {
            System.arraycopy(candidates, 0, out, 0, Chunk.WORDS);
        }
    }

    private static final class Negation extends ChunkTest {
        private final ChunkTest inner;
        private final long[] matched = new long[Chunk.WORDS];

        Negation(ChunkTest inner) {
            this.inner = inner;
        }

        @Override
        void eval(Chunk chunk, long[] candidates, long[] out) {
            inner.eval(chunk, candidates, matched);
            for (int w = 0; w < Chunk.WORDS; w++) {
                out[w] = candidates[w] & ~matched[w];
            }
        }
    }

    /**
     * {@code and}: each part tests only the slots all parts before it passed; {@code or}: only the slots no part
     * before it passed.
     */
    private static final class Junction extends ChunkTest {
        private final boolean all;
        private final ChunkTest[] parts;
        private final long[] open = new long[Chunk.WORDS];
        private final long[] part = new long[Chunk.WORDS];

        Junction(boolean all, ChunkTest[] parts) {
            this.all = all;
            this.parts = parts;
        }

        @Override
        void eval(Chunk chunk, long[] candidates, long[] out) {
            System.arraycopy(candidates, 0, open, 0, Chunk.WORDS);
            if (!all) {
                Arrays.fill(out, 0L);
            }
            for (ChunkTest p : parts) {
                p.eval(chunk, open, part);
                long left = 0;
                for (int w = 0; w < Chunk.WORDS; w++) {
                    if (all) {
                        open[w] = part[w];
                    } else {
                        out[w] |= part[w];
                        open[w] &= ~part[w];
                    }
                    left |= open[w];
                }
                if (left == 0) {
                    break;
                }
            }
            if (all) {
                System.arraycopy(open, 0, out, 0, Chunk.WORDS);
            }
        }
    }

    /** The filter's own row test on every candidate: text columns, and values without a {@code long} form. */
    private static final class OnRows extends ChunkTest {
        private final Filter.RowTest test;

        OnRows(Filter.RowTest test) {
            this.test = test;
        }

        @Override
        void eval(Chunk chunk, long[] candidates, long[] out) {
            Arrays.fill(out, 0L);
            for (int w = 0; w < Chunk.WORDS; w++) {
                long bits = candidates[w];
                while (bits != 0) {
                    int slot = w << 6 | Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (test.test(chunk.rows[slot])) {
                        out[w] |= 1L << slot;
                    }
                }
            }
        }
    }

    /** {@code field op literal(s)} on an encoded column; a comparison with null is false except {@code ne}. */
    private static final class Compare extends ChunkTest {
        private final int column;
        private final Op op;
        private final long[] literals;
        private final Filter.RowTest onRow;

        Compare(int column, Op op, long[] literals, Filter.RowTest onRow) {
            this.column = column;
            this.op = op;
            this.literals = literals;
            this.onRow = onRow;
        }

        @Override
        void eval(Chunk chunk, long[] candidates, long[] out) {
            Arrays.fill(out, 0L);
            long[] values = chunk.columns[column];
            for (int i = 0; i < Chunk.SIZE; i++) {
                long x = values[i];
                boolean match = x == Chunk.OTHER ? onRow.test(chunk.rows[i]) : test(x);
                if (match) {
                    out[i >>> 6] |= 1L << i;
                }
            }
            and(out, candidates);
        }

        private boolean test(long x) {
            if (x == Chunk.NULL) {
                return op == Op.IS_NULL || op == Op.NE;
            }
            long literal = literals.length == 0 ? 0 : literals[0];
            return switch (op) {
                case IS_NULL -> false;
                case IS_NOT_NULL -> true;
                case EQ -> x == literal;
                case NE -> x != literal;
                case LT -> x < literal;
                case LE -> x <= literal;
                case GT -> x > literal;
                case GE -> x >= literal;
                case IN -> contains(literals, x);
                default -> throw new IllegalStateException(op + " does not apply to encoded columns");
            };
        }

        private static boolean contains(long[] candidates, long x) {
            for (long candidate : candidates) {
                if (candidate == x) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code overdue}: {@link InvoiceRow#overdueOn} from the status, due date and outstanding columns. */
    private static final class Overdue extends ChunkTest {
        private static final long FINALIZED = Field.STATUS.values.indexOf(InvoiceStatuses.FINALIZED);
        private final long today;
        private final boolean wanted;
        private final Filter.RowTest onRow;

        Overdue(LocalDate today, boolean wanted, Filter.RowTest onRow) {
            this.today = today.toEpochDay();
            this.wanted = wanted;
            this.onRow = onRow;
        }

        @Override
        void eval(Chunk chunk, long[] candidates, long[] out) {
            Arrays.fill(out, 0L);
            long[] status = chunk.columns[Field.STATUS.ordinal()];
            long[] due = chunk.columns[Field.DUE_DATE.ordinal()];
            long[] outstanding = chunk.columns[Field.OUTSTANDING_AMOUNT.ordinal()];
            for (int i = 0; i < Chunk.SIZE; i++) {
                boolean match;
                if (status[i] == Chunk.OTHER || outstanding[i] == Chunk.OTHER) {
                    match = onRow.test(chunk.rows[i]);
                } else {
                    boolean overdue = status[i] == FINALIZED && due[i] != Chunk.NULL && due[i] < today
                            && outstanding[i] != Chunk.NULL && outstanding[i] > 0;
                    match = overdue == wanted;
                }
                if (match) {
                    out[i >>> 6] |= 1L << i;
                }
            }
            and(out, candidates);
        }
    }

    /**
     * {@code q contains needle}: {@link String#indexOf} over the chunk's folded text, from one candidate slot's
     * text to the next. The separators that end each of a row's texts keep a match inside one of them, as the
     * needle (not empty) has none.
     */
    private static final class Search extends ChunkTest {
        private final String needle;

        Search(String needle) {
            this.needle = Text.appendFolded(new StringBuilder(needle.length()), needle).toString();
        }

        @Override
        void eval(Chunk chunk, long[] candidates, long[] out) {
            Arrays.fill(out, 0L);
            String text = chunk.search;
            int[] start = chunk.searchStart;
            int slot = nextCandidate(candidates, 0);
            while (slot < Chunk.SIZE) {
                int found = text.indexOf(needle, start[slot]);
                if (found < 0) {
                    return;
                }
                while (start[slot + 1] <= found) {
                    slot++;
                }
                if (isSet(candidates, slot)) {
                    out[slot >>> 6] |= 1L << slot;
                }
                slot = nextCandidate(candidates, slot + 1);
            }
        }
    }

    private static void and(long[] out, long[] mask) {
        for (int w = 0; w < Chunk.WORDS; w++) {
            out[w] &= mask[w];
        }
    }

    private static boolean isSet(long[] mask, int slot) {
        return (mask[slot >>> 6] & 1L << slot) != 0;
    }

    /** The first candidate slot at or after {@code from}; {@link Chunk#SIZE} when none. */
    private static int nextCandidate(long[] candidates, int from) {
        for (int w = from >>> 6; w < Chunk.WORDS; w++) {
            long bits = candidates[w];
            if (w == from >>> 6) {
                bits &= -1L << from;
            }
            if (bits != 0) {
                return w << 6 | Long.numberOfTrailingZeros(bits);
            }
        }
        return Chunk.SIZE;
    }
}

package io.invoiceflow.projections.list;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Up to {@link #SIZE} rows of the invoice list stored by column: every column that is not text as one
 * {@code long} per row (see {@link #encode}), and a folded copy of the free-text columns ({@code q}) as one
 * run of characters. A query scans these arrays in memory order instead of following each row's references
 * to its {@code BigDecimal}s and dates. Immutable once built; a slot without a row has {@code rows[i] == null}
 * and its bit clear in {@link #live}.
 */
final class Chunk {
    static final int BITS = 10;
    static final int SIZE = 1 << BITS;
    /** A slot number ({@code chunk << BITS | index}) masked by this is the index in its chunk. */
    static final int INDEX = SIZE - 1;
    /** Words of a mask with one bit per slot. */
    static final int WORDS = SIZE / 64;

    /** A column's value when the row has none. */
    static final long NULL = Long.MIN_VALUE;
    /**
     * A value that has no exact {@code long} form (an amount with more than {@link #AMOUNT_SCALE} decimals or
     * too large, a status that is not one of the constants): tests and comparisons read the row itself.
     */
    static final long OTHER = Long.MIN_VALUE + 1;
    /** Amounts are held as whole multiples of 10^-4, enough for every currency's scale. */
    static final int AMOUNT_SCALE = 4;
    /** Ends each of a row's folded customer name, customer number and invoice number in {@link #search}. */
    static final char SEPARATOR = '\0';

    private static final Field[] FIELDS = Field.values();

    final InvoiceRow[] rows;
    final long[] live = new long[WORDS];
    /** By {@link Field#ordinal()}; null for text fields. */
    final long[][] columns = new long[FIELDS.length][];
    /**
     * The folded free text of every slot, slot i's from {@code searchStart[i]} to {@code searchStart[i + 1]}: a
     * {@code String}, so a search is {@link String#indexOf(String, int)}, which the JIT compiles to vector code.
     */
    final String search;
    final int[] searchStart = new int[SIZE + 1];
    /** {@link #textKeys} of each text field in each alphabet, made when a query first sorts by it. */
    private final AtomicReferenceArray<long[]> textKeys =
            new AtomicReferenceArray<>(FIELDS.length * Alphabet.values().length);

    /** A chunk of the rows given (a copy of the array is kept; null entries are empty slots). */
    Chunk(InvoiceRow[] slots) {
        if (slots.length != SIZE) {
            throw new IllegalArgumentException("a chunk has " + SIZE + " slots, not " + slots.length);
        }
        rows = slots.clone();
        for (Field f : FIELDS) {
            if (isEncoded(f)) {
                columns[f.ordinal()] = new long[SIZE];
            }
        }
        StringBuilder text = new StringBuilder(SIZE * 24);
        for (int i = 0; i < SIZE; i++) {
            InvoiceRow row = rows[i];
            searchStart[i] = text.length();
            if (row != null) {
                live[i >>> 6] |= 1L << i;
                Text.appendFolded(text, row.customerName()).append(SEPARATOR);
                Text.appendFolded(text, row.customerNumber()).append(SEPARATOR);
                Text.appendFolded(text, row.number()).append(SEPARATOR);
            }
            for (Field f : FIELDS) {
                long[] column = columns[f.ordinal()];
                if (column != null) {
                    column[i] = row == null ? NULL : encode(f, f.get(row));
                }
            }
        }
        searchStart[SIZE] = text.length();
        search = text.toString();
    }

    /**
     * The text field's sort key of every slot in the alphabet: the weights of its first three folded characters
     * ({@link #textKey}); made once per chunk, field and alphabet.
     */
    long[] textKeys(Field f, Alphabet alphabet) {
        int index = f.ordinal() * Alphabet.values().length + alphabet.ordinal();
        long[] keys = textKeys.get(index);
        if (keys == null) {
            keys = new long[SIZE];
            for (int i = 0; i < SIZE; i++) {
                keys[i] = rows[i] == null ? NO_TEXT : textKey((String) f.get(rows[i]), alphabet);
            }
            textKeys.set(index, keys);
        }
        return keys;
    }

    /** The text key of a missing value. */
    static final long NO_TEXT = -1;

    /**
     * A key that orders text as {@link Text#compare} does wherever two keys differ: the sort weights (plus one)
     * of the first three folded characters, 20 bits each, 0 after the end of the text. Equal keys decide
     * nothing; {@link #NO_TEXT} for null.
     */
    static long textKey(String s, Alphabet alphabet) {
        if (s == null) {
            return NO_TEXT;
        }
        long key = 0;
        for (int i = 0; i < 3; i++) {
            long weight = i < s.length() ? alphabet.weight(Text.fold(s.charAt(i))) + 1 : 0;
            key = key << 20 | weight;
        }
        return key;
    }

    /** Whether a field's values are held as {@code long}s: every column but text. */
    static boolean isEncoded(Field f) {
        return f.isColumn() && f.type != Field.Type.TEXT && f.type != Field.Type.IDENTIFIER;
    }

    /**
     * A value of an encoded field as a {@code long} that orders as the value does: an enum's index among the
     * field's constants (equality only: enums sort by name), a date's epoch day, an instant's nanoseconds since
     * the epoch, an amount in units of 10^-4, a whole number itself. {@link #NULL} for null; {@link #OTHER} when
     * the value has no such form.
     */
    static long encode(Field f, Object value) {
        if (value == null) {
            return NULL;
        }
        long encoded = switch (f.type) {
            case ENUM -> f.values.indexOf(value);
            case DATE -> ((LocalDate) value).toEpochDay();
            case INSTANT -> nanos((Instant) value);
            case DECIMAL -> units((BigDecimal) value);
            case INTEGER -> (Long) value;
            default -> throw new IllegalArgumentException(f.apiName + " is not encoded");
        };
        return encoded < 0 && f.type == Field.Type.ENUM || encoded == NULL ? OTHER : encoded;
    }

    private static long nanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            return OTHER;
        }
    }

    private static long units(BigDecimal amount) {
        if (amount.scale() > AMOUNT_SCALE && amount.stripTrailingZeros().scale() > AMOUNT_SCALE) {
            return OTHER;
        }
        try {
            return amount.setScale(AMOUNT_SCALE).unscaledValue().longValueExact();
        } catch (ArithmeticException e) {
            return OTHER;
        }
    }
}

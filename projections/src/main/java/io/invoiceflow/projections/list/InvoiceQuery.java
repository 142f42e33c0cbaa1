package io.invoiceflow.projections.list;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One request to the invoice list: a filter, an order, a page size and where the page starts, parsed and
 * validated from the request's parameters (syntax and meaning in {@code docs/queries.md}). Immutable and
 * thread-safe; a page is one scan of an {@link InvoiceTable}'s columns that allocates per query, not per row.
 *
 * <pre>{@code
 * InvoiceQuery query = InvoiceQuery.parse(ctx.queryParam("filter"), ctx.queryParam("sort"),
 *         ctx.queryParam("limit"), ctx.queryParam("cursor"));   // DomainException (400) when invalid
 * Page<InvoiceRow> page = query.page(rows, tenant.today(clock));
 * }</pre>
 */
public final class InvoiceQuery {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final Filter filter;
    private final SortOrder order;
    private final Alphabet alphabet;
    private final int limit;
    private final byte[] fingerprint;
    /** The key of the last row of the previous page; null for the first page. */
    private final Object[] after;

    private InvoiceQuery(Filter filter, SortOrder order, Alphabet alphabet, int limit, Object[] after) {
        this.filter = filter;
        this.order = order;
        this.alphabet = alphabet;
        this.limit = limit;
        this.fingerprint = Cursor.fingerprint(filter, order);
        this.after = after;
    }

    /** {@link #parse(String, String, String, String, Alphabet)} in the Norwegian/Danish alphabet. */
    public static InvoiceQuery parse(String filter, String sort, String limit, String cursor) {
        return parse(filter, sort, limit, cursor, Alphabet.NORWEGIAN_DANISH);
    }

    /**
     * Parses the list's request parameters as they arrive (each may be null or blank: no filter, the default
     * order {@code -createdAt}, 50 rows, the first page).
     *
     * @param alphabet how text sorts and compares: the tenant's ({@link Alphabet#ofCountry})
     * @throws DomainException INVALID_INPUT with one violation per broken parameter ({@code filter},
     *                         {@code sort}, {@code limit}, {@code cursor})
     */
    public static InvoiceQuery parse(String filter, String sort, String limit, String cursor, Alphabet alphabet) {
        Objects.requireNonNull(alphabet, "alphabet");
        List<FieldViolation> violations = new ArrayList<>();
        Filter parsedFilter = attempt(() -> FilterParser.parse(filter), violations);
        SortOrder parsedOrder = attempt(() -> SortOrder.parse(sort, alphabet), violations);
        Integer parsedLimit = attempt(() -> limit(limit), violations);
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        InvoiceQuery first = new InvoiceQuery(parsedFilter, parsedOrder, alphabet, parsedLimit, null);
        if (cursor == null || cursor.isBlank()) {
            return first;
        }
        Object[] after = Cursor.decode(cursor.strip(), first.fingerprint, parsedOrder);
        return new InvoiceQuery(parsedFilter, parsedOrder, alphabet, parsedLimit, after);
    }

    private static <T> T attempt(Supplier<T> parse, List<FieldViolation> violations) {
        try {
            return parse.get();
        } catch (DomainException e) {
            violations.addAll(e.violations());
            return null;
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, like a number out of range
        }
        throw DomainException.invalid("limit", "range", "limit must be a whole number from 1 to " + MAX_LIMIT
                + ", found '" + limit + "'");
    }

    public int limit() {
        return limit;
    }

    /** {@link #page(InvoiceTable, LocalDate)} over a table of the rows given. */
    public Page<InvoiceRow> page(Iterable<InvoiceRow> rows, LocalDate today) {
        return page(InvoiceTable.of(rows), today);
    }

    /**
     * The page of the rows that match, in order, starting after the cursor's row: one scan of the table's
     * columns that counts every match for {@link Page#total} and keeps the best rows in a heap (top-k,
     * O(n log limit)).
     *
     * @param today the tenant's today, for {@code today} in the filter and {@code overdue}
     */
    public Page<InvoiceRow> page(InvoiceTable table, LocalDate today) {
        ChunkTest matches = ChunkTest.bind(filter, Objects.requireNonNull(today, "today"), alphabet);
        ChunkOrder slots = new ChunkOrder(order, table.chunks, after);
        // one more than the limit tells whether a next page exists
        TopSlots best = new TopSlots(slots, limit + 1);
        long[] mask = new long[Chunk.WORDS];
        long total = 0;
        for (int c = 0; c < table.chunks.length; c++) {
            Chunk chunk = table.chunks[c];
            matches.eval(chunk, chunk.live, mask);
            for (int w = 0; w < Chunk.WORDS; w++) {
                long bits = mask[w];
                total += Long.bitCount(bits);
                while (bits != 0) {
                    int slot = c << Chunk.BITS | w << 6 | Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (after == null || slots.compareToKey(slot) > 0) {
                        best.offer(slot);
                    }
                }
            }
        }
        int[] found = best.drain();
        List<InvoiceRow> items = new ArrayList<>(found.length);
        for (int slot : found) {
            items.add(table.chunks[slot >>> Chunk.BITS].rows[slot & Chunk.INDEX]);
        }
        if (items.size() <= limit) {
            return new Page<>(items, null, total);
        }
        List<InvoiceRow> shown = items.subList(0, limit);
        String next = Cursor.encode(fingerprint, order, order.keyOf(shown.get(limit - 1)));
        return new Page<>(shown, next, total);
    }

    /**
     * Every matching row in order as CSV (see {@link CsvWriter}; {@code limit} and {@code cursor} do not
     * apply), UTF-8 with a byte order mark. Flushes {@code out} and leaves it open.
     */
    public void writeCsv(Iterable<InvoiceRow> rows, LocalDate today, OutputStream out, CsvFormat format)
            throws IOException {
        writeCsv(rows, today, new OutputStreamWriter(out, StandardCharsets.UTF_8), format);
    }

    /** {@link #writeCsv(Iterable, LocalDate, OutputStream, CsvFormat)} in the {@link CsvFormat#COMMA} format. */
    public void writeCsv(Iterable<InvoiceRow> rows, LocalDate today, OutputStream out) throws IOException {
        writeCsv(rows, today, out, CsvFormat.COMMA);
    }

    /** The CSV to a writer, which should encode UTF-8: it starts with the byte order mark U+FEFF. */
    public void writeCsv(Iterable<InvoiceRow> rows, LocalDate today, Writer out, CsvFormat format)
            throws IOException {
        CsvWriter.write(matching(rows, today), today, out, Objects.requireNonNull(format, "format"));
    }

    /** Every matching row, in order. */
    private List<InvoiceRow> matching(Iterable<InvoiceRow> rows, LocalDate today) {
        Filter.RowTest matches = filter.bind(Objects.requireNonNull(today, "today"), alphabet);
        List<InvoiceRow> out = new ArrayList<>();
        for (InvoiceRow row : rows) {
            if (matches.test(row)) {
                out.add(row);
            }
        }
        out.sort(order);
        return out;
    }

    /** For logs, in normal form: {@code status eq "PAID" | -createdAt,invoiceId NORWEGIAN_DANISH | limit 50}. */
    @Override
    public String toString() {
        return filter.canonical() + " | " + order.canonical() + " | limit " + limit;
    }
}

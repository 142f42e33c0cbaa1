package io.invoiceflow.projections.list;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes rows as CSV, row by row: a byte order mark, a header of the column names, CRLF line endings,
 * RFC 4180 quoting (a cell holding the separator, a quote, CR or LF is quoted, quotes doubled). A text
 * cell starting with {@code = + - @}, tab or CR gets a leading {@code '} so no spreadsheet runs it as a
 * formula; amounts, dates and booleans are written by this class and stay plain.
 */
final class CsvWriter {
    /** The columns, in order; the header names are the fields' API names. */
    static final List<Field> COLUMNS = List.of(Field.INVOICE_ID, Field.NUMBER, Field.STATUS, Field.CUSTOMER_NUMBER,
            Field.CUSTOMER_NAME, Field.CUSTOMER_ORGANISATION_NUMBER, Field.CURRENCY, Field.INVOICE_DATE,
            Field.DUE_DATE, Field.PAYMENT_DATE, Field.NET_AMOUNT, Field.VAT_AMOUNT, Field.GROSS_AMOUNT,
            Field.PAID_AMOUNT, Field.CREDITED_AMOUNT, Field.OUTSTANDING_AMOUNT, Field.OVERDUE, Field.ORIGIN,
            Field.ORDER_ID, Field.PO_NUMBER, Field.LANGUAGE, Field.CREATED_AT, Field.CREATED_BY, Field.UPDATED_AT,
            Field.UPDATED_BY, Field.FINALIZED_AT);
    private static final char BOM = '\uFEFF';
    private static final long SECONDS_PER_DAY = 86_400;
    private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
    private static final long LAST_SECOND_OF_YEAR_9999 = 253_402_300_799L;
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000};
    private static final String CRLF = "\r\n";

    private final Writer out;
    private final CsvFormat format;
    private final LocalDate today;
    /** Characters not yet handed to {@code out}: unsynchronised, unlike a BufferedWriter's per-char writes. */
    private final char[] buffer = new char[1 << 15];
    private int buffered;

    private CsvWriter(Writer out, CsvFormat format, LocalDate today) {
        this.out = out;
        this.format = format;
        this.today = today;
    }

    /** Writes the header and every row, then flushes; {@code out} stays open. */
    static void write(Iterable<InvoiceRow> rows, LocalDate today, Writer out, CsvFormat format) throws IOException {
        CsvWriter csv = new CsvWriter(out, format, today);
        csv.put(BOM);
        for (int i = 0; i < COLUMNS.size(); i++) {
            csv.separator(i);
            csv.put(COLUMNS.get(i).apiName);
        }
        csv.put(CRLF);
        for (InvoiceRow row : rows) {
            csv.row(row);
        }
        csv.drain();
        out.flush();
    }

    private void row(InvoiceRow row) throws IOException {
        for (int i = 0; i < COLUMNS.size(); i++) {
            separator(i);
            Field field = COLUMNS.get(i);
            if (field == Field.OVERDUE) {
                put(row.overdueOn(today) ? "true" : "false");
                continue;
            }
            Object value = field.get(row);
            if (value instanceof String s) {
                text(s);
            } else if (value instanceof BigDecimal d) {
                put(d.toPlainString().replace('.', format.decimalSeparator));
            } else if (value instanceof LocalDate d) {
                date(d);
            } else if (value instanceof Instant t) {
                instant(t);
            } else if (value != null) {
                put(value.toString());
            }
        }
        put(CRLF);
    }

    private void separator(int column) throws IOException {
        if (column > 0) {
            put(format.separator);
        }
    }

    private void text(String s) throws IOException {
        boolean formula = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0;
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == format.separator || c == '"' || c == '\r' || c == '\n';
        }
        if (quote) {
            put('"');
        }
        if (formula) {
            put('\'');
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                put('"');
            }
            put(c);
        }
        if (quote) {
            put('"');
        }
    }

    /** ISO 8601 like {@link LocalDate#toString()}, without its formatter's garbage. */
    private void date(LocalDate d) throws IOException {
        if (d.getYear() < 0 || d.getYear() > 9999) {
            put(d.toString());
            return;
        }
        digits(d.getYear(), 4);
        put('-');
        digits(d.getMonthValue(), 2);
        put('-');
        digits(d.getDayOfMonth(), 2);
    }

    /** ISO 8601 in UTC like {@link Instant#toString()}: seconds always, a fraction of 3, 6 or 9 digits when needed. */
    private void instant(Instant t) throws IOException {
        long seconds = t.getEpochSecond();
        if (seconds < FIRST_SECOND_OF_YEAR_0 || seconds > LAST_SECOND_OF_YEAR_9999) {
            put(t.toString());
            return;
        }
        date(LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY)));
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        put('T');
        digits(secondOfDay / 3600, 2);
        put(':');
        digits(secondOfDay / 60 % 60, 2);
        put(':');
        digits(secondOfDay % 60, 2);
        int nano = t.getNano();
        if (nano > 0) {
            put('.');
            if (nano % 1_000_000 == 0) {
                digits(nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                digits(nano / 1000, 6);
            } else {
                digits(nano, 9);
            }
        }
        put('Z');
    }

    /** {@code value} (not negative) in exactly {@code width} digits. */
    private void digits(int value, int width) throws IOException {
        for (int divisor = POWERS_OF_TEN[width - 1]; divisor > 0; divisor /= 10) {
            put((char) ('0' + value / divisor % 10));
        }
    }

    private void put(char c) throws IOException {
        if (buffered == buffer.length) {
            drain();
        }
        buffer[buffered++] = c;
    }

    private void put(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            put(s.charAt(i));
        }
    }

    private void drain() throws IOException {
        out.write(buffer, 0, buffered);
        buffered = 0;
    }
}

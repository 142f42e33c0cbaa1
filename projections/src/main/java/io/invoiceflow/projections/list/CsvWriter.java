package io.invoiceflow.projections.list;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
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
    private static final String CRLF = "\r\n";

    private final BufferedWriter out;
    private final CsvFormat format;
    private final LocalDate today;

    private CsvWriter(Writer out, CsvFormat format, LocalDate today) {
        this.out = new BufferedWriter(out, 1 << 16);
        this.format = format;
        this.today = today;
    }

    /** Writes the header and every row, then flushes; {@code out} stays open. */
    static void write(Iterable<InvoiceRow> rows, LocalDate today, Writer out, CsvFormat format) throws IOException {
        CsvWriter csv = new CsvWriter(out, format, today);
        csv.out.write(BOM);
        for (int i = 0; i < COLUMNS.size(); i++) {
            csv.separator(i);
            csv.out.write(COLUMNS.get(i).apiName);
        }
        csv.out.write(CRLF);
        for (InvoiceRow row : rows) {
            csv.row(row);
        }
        csv.out.flush();
    }

    private void row(InvoiceRow row) throws IOException {
        for (int i = 0; i < COLUMNS.size(); i++) {
            separator(i);
            Field field = COLUMNS.get(i);
            if (field == Field.OVERDUE) {
                out.write(row.overdueOn(today) ? "true" : "false");
                continue;
            }
            Object value = field.get(row);
            if (value instanceof String s) {
                text(s);
            } else if (value instanceof BigDecimal d) {
                out.write(d.toPlainString().replace('.', format.decimalSeparator));
            } else if (value != null) {
                out.write(value.toString());
            }
        }
        out.write(CRLF);
    }

    private void separator(int column) throws IOException {
        if (column > 0) {
            out.write(format.separator);
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
            out.write('"');
        }
        if (formula) {
            out.write('\'');
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                out.write('"');
            }
            out.write(c);
        }
        if (quote) {
            out.write('"');
        }
    }
}

package io.invoiceflow.commands.distributionlist;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a distribution list file (P3) as spreadsheet programs write it: CSV with the header
 * {@code customer_number,email} (either order, any case), separated by {@code ,} or {@code ;} (the header
 * decides), UTF-8 with or without a byte order mark, CRLF, LF or CR line ends, fields optionally in
 * double quotes ({@code ""} is a quote; quoted fields may hold separators and line breaks). Cells are
 * trimmed; a leading apostrophe that an export put before {@code = + - @} (formula neutralisation) is
 * taken off again. Blank lines are skipped.
 *
 * <p>What makes the whole file unreadable is refused with INVALID_INPUT on field {@code $}: empty,
 * not UTF-8 (with the line), a wrong header, a quoted field that never closes, no rows, more than
 * {@link #MAX_ROWS} rows. A row that cannot be read (too few or too many cells, text after a closing
 * quote) comes back with its problems; its values are checked later ({@link DistributionImport}).
 */
public final class DistributionCsv {
    /** The most data rows one file may have: a list of this size can be exported and imported back whole. */
    public static final int MAX_ROWS = 100_000;
    public static final String CUSTOMER_NUMBER = "customer_number";
    public static final String EMAIL = "email";
    /** The field name of problems with a row as a whole. */
    public static final String ROW = "row";

    private static final String HEADER_RULE = "header";
    private static final String FORMULA_TRIGGERS = "=+-@\t\r";

    private DistributionCsv() {
    }

    /**
     * A data row: its line in the file (the header is line 1; a row whose quoted cell spans lines has the
     * line it starts on), its two cells ({@code null} when the row has too few), and what made it unreadable.
     */
    public record Row(int line, String customerNumber, String email, List<FieldViolation> problems) {
        public Row {
            problems = List.copyOf(problems);
        }
    }

    public static List<Row> read(byte[] file) {
        if (file == null || file.length == 0) {
            throw DomainException.invalid("$", "required", "a CSV file with the header customer_number,email is required");
        }
        List<Record> records = new Tokenizer(decode(file)).records();
        Record header = records.get(0);
        char separator = header.separator;
        int[] columns = columns(header, separator);
        List<Row> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.isBlank()) {
                continue;
            }
            if (rows.size() == MAX_ROWS) {
                throw DomainException.invalid("$", "max-rows", "the file has more than " + MAX_ROWS
                        + " rows; split it into files of at most " + MAX_ROWS + " rows");
            }
            rows.add(row(record, columns));
        }
        if (rows.isEmpty()) {
            throw DomainException.invalid("$", "min-rows", "the file has no rows below its header");
        }
        return rows;
    }

    /** The positions of customer_number and email in the header. */
    private static int[] columns(Record header, char separator) {
        List<String> names = header.cells.stream().map(c -> trimmed(c).toLowerCase(Locale.ROOT)).toList();
        int number = names.indexOf(CUSTOMER_NUMBER);
        int email = names.indexOf(EMAIL);
        if (header.problem != null || names.size() != 2 || number < 0 || email < 0) {
            throw DomainException.invalid("$", HEADER_RULE, "line 1 must be the header customer_number" + separator
                    + "email (the two columns in either order, separated by , or ;), not: "
                    + abbreviated(String.join(String.valueOf(separator), header.cells)));
        }
        return new int[] {number, email};
    }

    private static Row row(Record record, int[] columns) {
        List<FieldViolation> problems = new ArrayList<>();
        if (record.problem != null) {
            problems.add(new FieldViolation(ROW, "quotes", record.problem));
        }
        int cells = record.cells.size();
        if (cells < 2) {
            problems.add(new FieldViolation(ROW, "columns", "the row has " + cells
                    + " column where customer_number and email are expected: a column is missing"));
        } else if (cells > 2) {
            problems.add(new FieldViolation(ROW, "columns", "the row has " + cells
                    + " columns where customer_number and email are expected: too many columns"
                    + " (a separator inside a value needs the value in double quotes)"));
        }
        String number = cells > columns[0] ? value(record.cells.get(columns[0])) : null;
        String email = cells > columns[1] ? value(record.cells.get(columns[1])) : null;
        return new Row(record.line, number, email, problems);
    }

    /** The cell trimmed (also of no-break spaces), without the apostrophe an export puts before a formula trigger. */
    private static String value(String cell) {
        String value = trimmed(cell);
        if (value.length() > 1 && value.charAt(0) == '\'' && FORMULA_TRIGGERS.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    private static String trimmed(String cell) {
        int start = 0;
        int end = cell.length();
        while (start < end && blank(cell.charAt(start))) {
            start++;
        }
        while (end > start && blank(cell.charAt(end - 1))) {
            end--;
        }
        return cell.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String decode(byte[] file) {
        int start = 0;
        if (file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (file.length >= 2 && ((file[0] & 0xFF) == 0xFE && (file[1] & 0xFF) == 0xFF
                || (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xFE)) {
            throw DomainException.invalid("$", "encoding",
                    "the file is UTF-16; save it as \"CSV UTF-8\" (UTF-8, with or without a byte order mark)");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(file, start, file.length - start);
        CharBuffer out = CharBuffer.allocate(file.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (file[i] == '\n') {
                    line++;
                }
            }
            throw DomainException.invalid("$", "encoding", "line " + line + " is not UTF-8 text (Nordic letters"
                    + " saved in another encoding?); save the file as \"CSV UTF-8\"");
        }
        out.flip();
        return out.toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** One record of the file: where it starts, its cells, and a problem that makes it unreadable. */
    private record Record(int line, List<String> cells, String problem, char separator) {
        boolean isBlank() {
            return problem == null && cells.stream().allMatch(cell -> trimmed(cell).isEmpty());
        }
    }

    /** Splits the text into records: RFC 4180 quoting, any line end, the separator taken from line 1. */
    private static final class Tokenizer {
        private final String text;
        private final char separator;
        private int pos;
        private int line = 1;

        Tokenizer(String text) {
            this.text = text;
            this.separator = separator(text);
        }

        /** {@code ;} when line 1 has semicolons and no commas, else {@code ,}. */
        private static char separator(String text) {
            int end = 0;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String first = text.substring(0, end);
            return first.indexOf(';') >= 0 && first.indexOf(',') < 0 ? ';' : ',';
        }

        List<Record> records() {
            List<Record> records = new ArrayList<>();
            while (pos < text.length()) {
                records.add(record());
            }
            if (records.isEmpty()) {
                records.add(new Record(1, List.of(""), null, separator));
            }
            return records;
        }

        private Record record() {
            int start = line;
            List<String> cells = new ArrayList<>();
            String problem = null;
            while (true) {
                StringBuilder cell = new StringBuilder();
                if (pos < text.length() && text.charAt(pos) == '"') {
                    pos++;
                    quoted(cell, start);
                    int after = pos;
                    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
                        pos++;
                    }
                    if (pos < text.length() && text.charAt(pos) != separator && !atLineEnd()) {
                        if (problem == null) {
                            problem = "text after the closing quote of a quoted value (line " + line
                                    + "); a quote inside a quoted value is written twice (\"\")";
                        }
                        pos = after;
                        unquoted(cell);
                    }
                } else {
                    unquoted(cell);
                }
                cells.add(cell.toString());
                if (pos < text.length() && text.charAt(pos) == separator) {
                    pos++;
                    continue;
                }
                skipLineEnd();
                return new Record(start, cells, problem, separator);
            }
        }

        private void quoted(StringBuilder cell, int start) {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '"') {
                    if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                        cell.append('"');
                        pos += 2;
                        continue;
                    }
                    pos++;
                    return;
                }
                if (c == '\n' || c == '\r' && !(pos + 1 < text.length() && text.charAt(pos + 1) == '\n')) {
                    line++;
                }
                cell.append(c);
                pos++;
            }
            throw DomainException.invalid("$", "quotes", "the quoted value that starts on line " + start
                    + " is never closed; a quote inside a quoted value is written twice (\"\")");
        }

        private void unquoted(StringBuilder cell) {
            while (pos < text.length() && text.charAt(pos) != separator && !atLineEnd()) {
                cell.append(text.charAt(pos++));
            }
        }

        private boolean atLineEnd() {
            char c = text.charAt(pos);
            return c == '\n' || c == '\r';
        }

        private void skipLineEnd() {
            if (pos < text.length() && text.charAt(pos) == '\r') {
                pos++;
            }
            if (pos < text.length() && text.charAt(pos) == '\n') {
                pos++;
            }
            line++;
        }
    }
}

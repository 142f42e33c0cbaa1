package io.invoiceflow.web.http;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Tables as files a spreadsheet opens: CSV (RFC 4180, comma-separated, CRLF, UTF-8 with a byte order mark
 * so Excel reads the Nordic letters) and a real Office Open XML workbook (fastexcel). CSV cells that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) get a
 * leading apostrophe (OWASP's advice against CSV injection); the workbook stores every text as text,
 * which is never evaluated.
 */
public final class Exports {
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Exports() {
    }

    /** Rows of cells: String, Number, LocalDate, LocalDateTime or null. */
    public static byte[] csv(List<String> headings, List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, headings.stream().map(h -> (Object) h).toList());
        rows.forEach(row -> line(sb, row));
        byte[] text = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, file, 0, BOM.length);
        System.arraycopy(text, 0, file, BOM.length, text.length);
        return file;
    }

    private static void line(StringBuilder sb, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(csvCell(cells.get(i)));
        }
        sb.append("\r\n");
    }

    static String csvCell(Object value) {
        String text = value == null ? "" : value instanceof LocalDateTime t ? DATE_TIME.format(t) : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** A workbook with one sheet: a bold, frozen heading row, then the rows with typed cells. */
    public static byte[] xlsx(String sheet, List<String> headings, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Invoiceflow", "1.0");
            Worksheet ws = workbook.newWorksheet(sheet);
            for (int c = 0; c < headings.size(); c++) {
                ws.value(0, c, headings.get(c));
                ws.style(0, c).bold().set();
            }
            ws.freezePane(0, 1);
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (value instanceof LocalDate d) {
                        ws.value(r + 1, c, d);
                        ws.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (value instanceof LocalDateTime t) {
                        ws.value(r + 1, c, t);
                        ws.style(r + 1, c).format("yyyy-mm-dd hh:mm").set();
                    } else if (value != null) {
                        ws.value(r + 1, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

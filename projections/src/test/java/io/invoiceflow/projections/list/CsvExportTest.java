package io.invoiceflow.projections.list;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The CSV export: BOM, header, CRLF, RFC 4180 quoting, formula injection neutralised, both dialects, streaming. */
class CsvExportTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-04-01");
    private static final String HEADER = "invoiceId,number,status,customerNumber,customerName,"
            + "customerOrganisationNumber,currency,invoiceDate,dueDate,paymentDate,netAmount,vatAmount,grossAmount,"
            + "paidAmount,creditedAmount,outstandingAmount,overdue,origin,orderId,poNumber,language,createdAt,"
            + "createdBy,updatedAt,updatedBy,finalizedAt";

    private static byte[] export(String filter, String sort, List<InvoiceRow> rows, CsvFormat format)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InvoiceQuery.parse(filter, sort, null, null).writeCsv(rows, TODAY, out, format);
        return out.toByteArray();
    }

    /** The lines after the byte order mark, without their CRLF. */
    private static List<String> lines(byte[] csv) {
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        return Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1));
    }

    @Test
    void shouldStartWithBomAndHeaderAndEndLinesWithCrlf_whenExporting() throws IOException {
        // given one overdue invoice
        InvoiceRow row = Rows.invoice("a-1").customer("10001", "Bakeri AS").dueDate("2026-03-15")
                .origin("ORDER", "ord-1").build();

        // when
        byte[] csv = export(null, null, List.of(row), CsvFormat.COMMA);

        // then
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(lines(csv)).containsExactly(HEADER,
                "a-1,INV-1001,FINALIZED,10001,Bakeri AS,999888777,NOK,2026-03-01,2026-03-15,,800.00,200.00,1000.00,"
                        + ",0.00,1000.00,true,ORDER,ord-1,,nb,2026-03-01T08:00:00Z,ola,2026-03-01T09:00:00Z,ola,"
                        + "2026-03-01T09:00:00Z");
        assertThat(new String(csv, StandardCharsets.UTF_8).replace("\r\n", "")).doesNotContain("\n", "\r");
    }

    @Test
    void shouldQuoteCellsHoldingSeparatorQuoteOrLineBreak_whenWritingText() throws IOException {
        // given names with a comma, quotes, a line break and Nordic letters
        List<InvoiceRow> rows = List.of(Rows.invoice("1").customer("1", "Sag, Høvleri & Co").build(),
                Rows.invoice("2").customer("2", "\"Blåbær\" AS").build(),
                Rows.invoice("3").customer("3", "Line one\nline two").build(),
                Rows.invoice("4").customer("4", "Ærø; Fisk").build());

        // when
        List<String> lines = lines(export(null, "invoiceId", rows, CsvFormat.COMMA));

        // then
        assertThat(lines.get(1)).contains(",1,\"Sag, Høvleri & Co\",");
        assertThat(lines.get(2)).contains(",2,\"\"\"Blåbær\"\" AS\",");
        assertThat(lines.get(3)).contains(",3,\"Line one\nline two\",");
        assertThat(lines.get(4)).contains(",4,Ærø; Fisk,");
    }

    @Test
    void shouldPrefixAQuote_whenTextCellStartsLikeAFormula() throws IOException {
        // given text cells starting with = + - @ tab and CR, and one with = inside
        List<InvoiceRow> rows = List.of(Rows.invoice("1").customer("1", "=HYPERLINK(\"http://x\",\"y\")").build(),
                Rows.invoice("2").customer("+4799999999", "+47 Telefon").build(),
                Rows.invoice("3").customer("3", "-2+3").poNumber("@SUM(A1)").build(),
                Rows.invoice("4").customer("4", "\tTab AS").poNumber("\rCR").build(),
                Rows.invoice("5").customer("5", "A=B").build());

        // when
        List<String> lines = lines(export(null, "invoiceId", rows, CsvFormat.COMMA));

        // then
        assertThat(lines.get(1)).contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",");
        assertThat(lines.get(2)).contains(",'+4799999999,'+47 Telefon,");
        assertThat(lines.get(3)).contains(",'-2+3,").contains(",'@SUM(A1),");
        assertThat(lines.get(4)).contains(",'\tTab AS,").contains(",\"'\rCR\",");
        assertThat(lines.get(5)).contains(",A=B,");
    }

    @Test
    void shouldWriteAmountsAsPlainNumbers_whenTheyAreNegativeOrLarge() throws IOException {
        // given a negative gross amount and a large one
        List<InvoiceRow> rows = List.of(Rows.invoice("1").amounts("-80.00", "-20.00", "-100.00").build(),
                Rows.invoice("2").amounts("10000000.00", "2500000.00", "12500000.00").build());

        // when
        List<String> lines = lines(export(null, "invoiceId", rows, CsvFormat.COMMA));

        // then no leading quote, no exponent, no grouping
        assertThat(lines.get(1)).contains(",-80.00,-20.00,-100.00,");
        assertThat(lines.get(2)).contains(",10000000.00,2500000.00,12500000.00,");
    }

    @Test
    void shouldSeparateBySemicolonWithDecimalComma_whenNordicSpreadsheetFormatIsAsked() throws IOException {
        // given names with a semicolon and with a comma
        List<InvoiceRow> rows = List.of(Rows.invoice("1").customer("1", "Ærø; Fisk").build(),
                Rows.invoice("2").customer("2", "Sag, Høvleri").amounts("1234.50", "308.63", "1543.13").build());

        // when
        List<String> lines = lines(export(null, "invoiceId", rows, CsvFormat.SEMICOLON));

        // then
        assertThat(lines.get(0)).isEqualTo(HEADER.replace(',', ';'));
        assertThat(lines.get(1)).startsWith("1;INV-1001;FINALIZED;1;\"Ærø; Fisk\";999888777;NOK;2026-03-01;")
                .contains(";800,00;200,00;1000,00;;0,00;1000,00;true;");
        assertThat(lines.get(2)).contains(";Sag, Høvleri;").contains(";1234,50;308,63;1543,13;");
    }

    @Test
    void shouldExportAllMatchingRowsInOrder_whenFilterAndSortAreGiven() throws IOException {
        // given 120 rows, 60 of them paid; a limit of 10 is given but does not apply to the export
        List<InvoiceRow> rows = IntStream.range(0, 120).mapToObj(i -> {
            Rows r = Rows.invoice(String.format("x%03d", i)).number("INV-" + i, (long) i);
            return (i % 2 == 0 ? r.paid("2026-03-20", "1000.00") : r).build();
        }).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        // when
        InvoiceQuery.parse("status eq PAID", "-number", "10", null).writeCsv(rows, TODAY, out);

        // then
        List<String> lines = lines(out.toByteArray());
        assertThat(lines).hasSize(61);
        assertThat(lines.get(1)).startsWith("x118,INV-118,PAID,");
        assertThat(lines.get(60)).startsWith("x000,INV-0,PAID,");
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-01T09:00:00Z, 2026-03-01",
            "1969-12-31T23:59:59.999Z, 1969-12-31",
            "2026-03-01T09:00:00.120Z, 0999-01-05",
            "2026-03-01T09:00:00.000001Z, 0001-01-01",
            "2026-03-01T09:00:00.000000001Z, 9999-12-31",
            "2026-03-01T09:00:00.123456789Z, 2024-02-29",
            "0000-01-01T00:00:00Z, 0000-01-01",
            "9999-12-31T23:59:59.999999999Z, +10000-01-01",
            "+10000-01-01T00:00:00Z, -0001-12-31",
            "-0001-12-31T23:59:59Z, 1970-01-01",
    })
    void shouldWriteInstantsAndDatesAsJavaPrintsThem_whenExporting(String instant, String date) throws IOException {
        // given a row created at the instant and dated on the date
        Instant createdAt = Instant.parse(instant);
        InvoiceRow row = Rows.invoice("1").created(instant, "ola").invoiceDate(LocalDate.parse(date)).build();

        // when
        List<String> lines = lines(export(null, null, List.of(row), CsvFormat.COMMA));

        // then ISO 8601, the instant in UTC
        assertThat(lines.get(1)).startsWith("1,INV-1001,FINALIZED,10001,Bakeri AS,999888777,NOK," + date + ",")
                .contains(",nb," + createdAt + ",ola,");
    }

    @Test
    void shouldReadTheDialect_whenGivenAsRequestParameter() {
        // given / when / then
        assertThat(CsvFormat.parse(null)).isEqualTo(CsvFormat.COMMA);
        assertThat(CsvFormat.parse("comma")).isEqualTo(CsvFormat.COMMA);
        assertThat(CsvFormat.parse(" Semicolon ")).isEqualTo(CsvFormat.SEMICOLON);
        assertThat(CsvFormat.parse(";")).isEqualTo(CsvFormat.SEMICOLON);
        DomainException e = catchThrowableOfType(DomainException.class, () -> CsvFormat.parse("tab"));
        assertThat(e.violations()).containsExactly(new FieldViolation("separator", "one-of",
                "separator must be comma or semicolon, found 'tab'"));
    }

    @Test
    void shouldWriteTheByteOrderMarkCharacter_whenWritingToAWriter() throws IOException {
        // given
        StringWriter out = new StringWriter();

        // when
        InvoiceQuery.parse(null, null, null, null).writeCsv(List.of(), TODAY, out, CsvFormat.COMMA);

        // then
        assertThat(out).hasToString("\uFEFF" + HEADER + "\r\n");
    }

    @Test
    void shouldStreamInBoundedChunks_whenExporting100000Rows() throws IOException {
        // given 100,000 rows and an output that records how it is written to
        List<InvoiceRow> rows = IntStream.range(0, 100_000).mapToObj(i -> Rows.invoice(String.format("x%06d", i))
                .build()).toList();
        RecordingOutputStream out = new RecordingOutputStream();

        // when
        InvoiceQuery.parse(null, "invoiceId", null, null).writeCsv(rows, TODAY, out);

        // then it arrived in many small writes, never one giant block, with one line per row
        assertThat(out.lines).isEqualTo(100_001);
        assertThat(out.writes).isGreaterThan(100);
        assertThat(out.largestWrite).isLessThanOrEqualTo(256 * 1024);
        assertThat(out.total).isGreaterThan(10_000_000);
        assertThat(out.closed).isFalse();
    }

    /** Counts bytes, writes, the largest write and line feeds; keeps nothing. */
    private static final class RecordingOutputStream extends OutputStream {
        long total;
        long writes;
        int largestWrite;
        long lines;
        boolean closed;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            total += len;
            writes++;
            largestWrite = Math.max(largestWrite, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

package io.invoiceflow.web.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** CSV and XLSX exports: the bytes a spreadsheet gets. */
class ExportsTest {

    @Test
    void shouldWriteBomHeadingsAndCrlfRows_whenTableIsExportedAsCsv() {
        // given
        List<List<Object>> rows = List.of(List.of("Siste fredag i måneden", 3, LocalDate.of(2026, 1, 30),
                LocalDateTime.of(2026, 1, 2, 9, 30)));

        // when
        byte[] csv = Exports.csv(List.of("Navn", "I bruk", "Neste dato", "Sist endret"), rows);

        // then
        assertThat(csv).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("Navn,I bruk,Neste dato,Sist endret\r\nSiste fredag i måneden,3,2026-01-30,2026-01-02 09:30\r\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "=HYPERLINK(\"http://evil\") | ~\"'=HYPERLINK(\"\"http://evil\"\")\"~",
            "+47 912 34 567 | '+47 912 34 567",
            "-2+3 | '-2+3",
            "@SUM(A1) | '@SUM(A1)",
            "Hver mandag og fredag | Hver mandag og fredag",
            "Den 15., bare i juli | ~\"Den 15., bare i juli\"~",
    })
    void shouldNeutraliseFormulasAndQuote_whenCellsAreWritten(String value, String expected) {
        // given / when / then
        assertThat(Exports.csvCell(value)).isEqualTo(expected);
    }

    @Test
    void shouldQuoteLineBreaks_whenACellHasSeveralLines() {
        // given / when / then
        assertThat(Exports.csvCell("DTSTART;VALUE=DATE:20260130\r\nRRULE:FREQ=DAILY"))
                .isEqualTo("\"DTSTART;VALUE=DATE:20260130\r\nRRULE:FREQ=DAILY\"");
        assertThat(Exports.csvCell(-3)).isEqualTo("-3");
    }

    @Test
    void shouldWriteARealWorkbook_whenTableIsExportedAsXlsx() throws IOException {
        // given
        List<List<Object>> rows = List.of(List.of("Siste fredag i måneden", 3, LocalDate.of(2026, 1, 30)),
                List.of("=1+1", 0, LocalDate.of(2026, 2, 27)));

        // when
        byte[] xlsx = Exports.xlsx("Frequencies", List.of("Navn", "I bruk", "Neste dato"), rows);

        // then: an Office Open XML package with the sheet and the texts as texts
        Map<String, String> parts = unzip(xlsx);
        assertThat(parts).containsKeys("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
        String all = String.join("\n", parts.values()).replace("&#xe5;", "å");
        assertThat(all).contains("Siste fredag i måneden", "Navn", "Frequencies", "=1+1");
        assertThat(parts.get("xl/worksheets/sheet1.xml")).doesNotContain("<f>");
    }

    /** The parts of a package, read through its central directory as spreadsheet programs do. */
    static Map<String, String> unzip(byte[] zip) throws IOException {
        Path file = Files.createTempFile("export", ".xlsx");
        try {
            Files.write(file, zip);
            Map<String, String> parts = new HashMap<>();
            try (ZipFile in = new ZipFile(file.toFile())) {
                for (ZipEntry entry : Collections.list(in.entries())) {
                    parts.put(entry.getName(), new String(in.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return parts;
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void shouldHaveNoRowsButHeadings_whenTableIsEmpty() throws IOException {
        // given / when
        byte[] csv = Exports.csv(List.of("Name"), new ArrayList<>());
        byte[] xlsx = Exports.xlsx("Frequencies", List.of("Name"), List.of());

        // then
        assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)).isEqualTo("Name\r\n");
        assertThat(unzip(xlsx)).containsKey("xl/worksheets/sheet1.xml");
    }
}

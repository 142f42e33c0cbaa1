package io.invoiceflow.commands.distributionlist;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading distribution list files as Excel, LibreOffice and Numbers write them (P3). */
class DistributionCsvTest {

    private static List<DistributionCsv.Row> read(String text) {
        return DistributionCsv.read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> cells(List<DistributionCsv.Row> rows) {
        return rows.stream().map(r -> r.line() + ":" + r.customerNumber() + "|" + r.email()).toList();
    }

    private static FieldViolation refusal(byte[] file) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> DistributionCsv.read(file));
        assertThat(e).as("the file must be refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    private static FieldViolation refusal(String text) {
        return refusal(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReadEveryRow_whenTheFileIsCommaSeparatedWithLf() {
        // given / when
        List<DistributionCsv.Row> rows = read("customer_number,email\n10001,kari@bryggen.example\n10002,ola@fisk.example\n");

        // then
        assertThat(cells(rows)).containsExactly("2:10001|kari@bryggen.example", "3:10002|ola@fisk.example");
        assertThat(rows).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void shouldReadEveryRow_whenTheFileIsSemicolonSeparatedWithBomAndCrlf() {
        // given: what Excel with a Nordic locale saves as "CSV UTF-8"
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "customer_number;email\r\n10001;kari@bryggen.example\r\nÆØÅ-1;åse@øy.example\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, 3);
        System.arraycopy(text, 0, file, 3, text.length);

        // when
        List<DistributionCsv.Row> rows = DistributionCsv.read(file);

        // then
        assertThat(cells(rows)).containsExactly("2:10001|kari@bryggen.example", "3:ÆØÅ-1|åse@øy.example");
    }

    @Test
    void shouldReadTheColumns_whenTheHeaderHasThemInAnotherOrderAndCase() {
        // given / when
        List<DistributionCsv.Row> rows = read(" Email ;Customer_Number\r10001@x.example;10001\r");

        // then (CR-only line ends, as old Mac spreadsheets write them)
        assertThat(cells(rows)).containsExactly("2:10001|10001@x.example");
    }

    @Test
    void shouldUnquoteValues_whenFieldsAreQuoted() {
        // given a quoted separator, a doubled quote and a line break inside quotes
        String file = "\"customer_number\",\"email\"\n"
                + "\"10001\",\"kari,nordmann@bryggen.example\"\n"
                + "\"10\"\"02\",\"a\nb@c.example\"\n"
                + "10003 , ola@fisk.example\u00a0\n";

        // when
        List<DistributionCsv.Row> rows = read(file);

        // then the line numbers count the line break inside quotes; cells are trimmed, also of no-break spaces
        assertThat(cells(rows)).containsExactly("2:10001|kari,nordmann@bryggen.example", "3:10\"02|a\nb@c.example",
                "5:10003|ola@fisk.example");
    }

    @Test
    void shouldUndoTheExportsFormulaNeutralisation_whenACellStartsWithAnApostropheAndATrigger() {
        // given / when
        List<DistributionCsv.Row> rows = read("customer_number,email\n'-5,'=x@y.example\n'A1,o'hara@y.example\n");

        // then
        assertThat(cells(rows)).containsExactly("2:-5|=x@y.example", "3:'A1|o'hara@y.example");
    }

    @Test
    void shouldSkipBlankLines_whenTheFileHasEmptyRowsAndTrailingSeparators() {
        // given
        List<DistributionCsv.Row> rows = read("customer_number;email\n\n10001;kari@bryggen.example\n;\n  \n10002;a@b.example");

        // then (no line end after the last row)
        assertThat(cells(rows)).containsExactly("3:10001|kari@bryggen.example", "6:10002|a@b.example");
    }

    @Test
    void shouldReportTheRow_whenItHasTooFewOrTooManyColumnsOrBrokenQuotes() {
        // given / when
        List<DistributionCsv.Row> rows = read("customer_number,email\n10001\n10002,a@b.example,extra\n\"10003\"x,c@d.example\n");

        // then
        assertThat(rows).extracting(r -> r.line() + " " + r.problems().stream()
                .map(p -> p.field() + " " + p.rule()).toList())
                .containsExactly("2 [row columns]", "3 [row columns]", "4 [row quotes]");
        assertThat(rows.get(0).email()).isNull();
        assertThat(rows.get(0).problems().get(0).message()).contains("missing");
        assertThat(rows.get(1).problems().get(0).message()).contains("too many columns");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10001,kari@bryggen.example\n", "customer_number\n10001\n", "kundenummer;epost\n1;a@b.example\n",
            "customer_number,email,name\n1,a@b.example,A\n", "email,email\n1,a@b.example\n",
            "customer_number\temail\n1\ta@b.example\n", " \n"})
    void shouldRefuseTheFile_whenLineOneIsNotTheHeader(String file) {
        // when
        FieldViolation refused = refusal(file);

        // then
        assertThat(refused.field()).isEqualTo("$");
        assertThat(refused.rule()).isEqualTo("header");
        assertThat(refused.message()).contains("customer_number", "email");
    }

    @Test
    void shouldRefuseTheFile_whenItIsEmptyOrHasNoRows() {
        // given / when / then
        assertThat(refusal(new byte[0]).rule()).isEqualTo("required");
        assertThat(refusal("customer_number,email\r\n\r\n").rule()).isEqualTo("min-rows");
    }

    @Test
    void shouldRefuseTheFileNamingTheLine_whenItIsNotUtf8() {
        // given line 3 in Windows-1252 ("Ø" is 0xD8)
        byte[] file = "customer_number;email\n10001;a@b.example\n10002;\u00d8ystein@c.example\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        // when
        FieldViolation refused = refusal(file);

        // then
        assertThat(refused.rule()).isEqualTo("encoding");
        assertThat(refused.message()).contains("line 3", "CSV UTF-8");
    }

    @Test
    void shouldRefuseTheFile_whenItIsUtf16() {
        // given
        byte[] file = "customer_number,email\n1,a@b.example\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[file.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(file, 0, withBom, 2, file.length);

        // when / then
        assertThat(refusal(withBom).message()).contains("UTF-16");
    }

    @Test
    void shouldRefuseTheFileNamingTheLine_whenAQuotedValueIsNeverClosed() {
        // given / when
        FieldViolation refused = refusal("customer_number,email\n10001,a@b.example\n\"10002,c@d.example\n10003,e@f.example\n");

        // then
        assertThat(refused.rule()).isEqualTo("quotes");
        assertThat(refused.message()).contains("line 3");
    }

    @Test
    void shouldRefuseTheFile_whenItHasMoreRowsThanTheLimit() {
        // given
        StringBuilder file = new StringBuilder("customer_number,email\n");
        for (int i = 0; i <= DistributionCsv.MAX_ROWS; i++) {
            file.append(i).append(",a@b.example\n");
        }

        // when
        FieldViolation refused = refusal(file.toString());

        // then
        assertThat(refused.rule()).isEqualTo("max-rows");
        assertThat(refused.message()).contains(String.valueOf(DistributionCsv.MAX_ROWS));
    }

    @Test
    void shouldAcceptTheFile_whenItHasExactlyTheMostRows() {
        // given
        StringBuilder file = new StringBuilder("customer_number,email\n");
        for (int i = 0; i < DistributionCsv.MAX_ROWS; i++) {
            file.append(i).append(",a@b.example\n");
        }

        // when / then
        assertThat(read(file.toString())).hasSize(DistributionCsv.MAX_ROWS);
    }
}

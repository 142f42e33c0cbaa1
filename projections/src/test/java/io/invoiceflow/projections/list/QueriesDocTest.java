package io.invoiceflow.projections.list;

import io.invoiceflow.events.DomainException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code docs/queries.md} cannot drift: its examples parse, its errors are the real messages, its tables are complete. */
class QueriesDocTest {
    /** Relative to the projections module, where Maven runs its tests. */
    private static final Path DOC = Paths.get("..", "docs", "queries.md");

    private static String doc;

    @BeforeAll
    static void readDoc() throws IOException {
        assertThat(DOC).as("docs/queries.md next to the projections module").exists();
        doc = Files.readString(DOC, StandardCharsets.UTF_8);
    }

    private static List<String> block(String language) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)\\n```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("a ```%s block", language).isTrue();
        return m.group(1).lines().toList();
    }

    @Test
    void shouldParseEveryExample_whenDocIsRead() {
        // given
        List<String> examples = block("filter");

        // when / then
        assertThat(examples).hasSizeGreaterThan(5);
        for (String example : examples) {
            assertThatCode(() -> InvoiceQuery.parse(example, null, null, null)).as(example).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldShowTheRealMessage_whenDocListsAnError() {
        // given lines "expression => message"
        List<String> errors = block("filter-errors");

        // when / then
        assertThat(errors).hasSizeGreaterThan(5);
        for (String line : errors) {
            String[] parts = line.split(" => ", 2);
            DomainException e = catchThrowableOfType(DomainException.class,
                    () -> InvoiceQuery.parse(parts[0], null, null, null));
            assertThat(e).as(parts[0]).isNotNull();
            assertThat(e.getMessage()).as(parts[0]).isEqualTo(parts[1]);
        }
    }

    @Test
    void shouldListEveryFieldWithItsType_whenDocIsRead() {
        // given
        Pattern row = Pattern.compile("^\\| `([A-Za-z]+)` \\| ([a-z ]+?) [|(]", Pattern.MULTILINE);
        Matcher m = row.matcher(doc);
        StringBuilder listed = new StringBuilder();

        // when
        while (m.find()) {
            Field field = Field.byName(m.group(1));
            if (field != null) {
                assertThat(m.group(2)).as(field.apiName).isEqualTo(documentedType(field));
                listed.append(field.apiName).append(' ');
            }
        }

        // then
        assertThat(listed.toString().split(" ")).containsExactly(
                Arrays.stream(Field.values()).map(f -> f.apiName).toArray(String[]::new));
    }

    private static String documentedType(Field field) {
        return switch (field.type) {
            case TEXT, IDENTIFIER -> "text";
            case ENUM -> "enum";
            case DECIMAL -> "number";
            case INTEGER -> "whole number";
            case DATE -> "date";
            case INSTANT -> "instant";
            case BOOLEAN -> "boolean";
            case SEARCH -> "free text";
        };
    }

    @Test
    void shouldListEveryEnumValue_whenDocDescribesEnumFields() {
        // given / when / then
        for (Field field : Field.values()) {
            if (field.type == Field.Type.ENUM) {
                String listed = String.join("`, `", field.values);
                assertThat(doc).as(field.apiName).contains("| `" + field.apiName + "` | enum | `" + listed + "` |");
            }
        }
    }

    @Test
    void shouldShowTheExactCsvHeader_whenDocDescribesTheColumns() {
        // given
        String header = String.join(",", CsvWriter.COLUMNS.stream().map(f -> f.apiName).toList());

        // when / then
        assertThat(block("csv-header")).containsExactly(header);
    }

    @Test
    void shouldLinkToFilesThatExist_whenDocLinksRelatively() {
        // given
        Matcher link = Pattern.compile("\\]\\(([a-z0-9/._-]+\\.md)\\)").matcher(doc);

        // when / then
        int links = 0;
        while (link.find()) {
            assertThat(DOC.resolveSibling(link.group(1))).as(link.group(1)).exists();
            links++;
        }
        assertThat(links).isGreaterThanOrEqualTo(2);
    }
}

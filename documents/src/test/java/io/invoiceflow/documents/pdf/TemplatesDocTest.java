package io.invoiceflow.documents.pdf;

import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/templates.md cannot drift: its input example is the renderer's input, its example template is valid. */
class TemplatesDocTest {
    private static final Path DOC = Path.of("..", "docs", "templates.md");

    private static String block(String name) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String start = "<!-- " + name + ":start -->\n```xml\n";
        int from = doc.indexOf(start);
        int to = doc.indexOf("```\n<!-- " + name + ":end -->");
        assertThat(from).as(name + " block in " + DOC).isNotNegative();
        assertThat(to).isGreaterThan(from);
        return doc.substring(from + start.length(), to);
    }

    @Test
    void shouldMatchTheRenderersInput_whenTheDocShowsTheSampleInvoiceInput() throws IOException {
        String actual = TemplateInput.toXml(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), Customisation.NONE, "custom");

        assertThat(block("input-example").strip()).isEqualTo(actual.replace("\r\n", "\n").strip());
    }

    @Test
    void shouldValidateAndRender_whenUsingTheDocsExampleTemplate() throws IOException {
        PdfRenderer renderer = PdfRenderer.create(Clock.systemUTC());
        Template example = new Template.Custom(block("example-template"),
                Customisation.of(TestImages.png(120, 40), null, null, null, null));

        renderer.validate(example);
        String text = Pdfs.text(renderer.render(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), example));

        assertThat(text).contains("Faktura INV-1001", "Blåbær & Ærlig Økonomi AS", "4\u00A0668,88 NOK", "KID: 0000010017", "Side 1");
    }
}

package io.invoiceflow.documents.pdf;

import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

class ScratchTest {
    @Test
    void scratch() throws Exception {
        PdfRenderer r = PdfRenderer.create(Clock.systemUTC());
        Files.createDirectories(Path.of("target/scratch"));
        for (Layout l : Layout.values()) {
            byte[] pdf = r.render(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), Template.standard(l));
            Files.write(Path.of("target/scratch/" + l.id() + ".pdf"), pdf);
        }
        Files.write(Path.of("target/scratch/draft.pdf"), r.render(SampleDocuments.withLines(DocumentKind.INVOICE, Language.SV, 80).asDraft(), Template.standard(Layout.CLASSIC)));
        Files.writeString(Path.of("target/scratch/input.xml"), TemplateInput.toXml(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), Customisation.NONE, "classic"));
        long t0 = System.nanoTime();
        for (int i = 0; i < 50; i++) r.render(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), Template.standard(Layout.CLASSIC));
        System.out.println("ms/doc " + (System.nanoTime() - t0) / 50 / 1e6);
    }
}

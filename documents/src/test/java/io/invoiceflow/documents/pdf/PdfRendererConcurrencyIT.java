package io.invoiceflow.documents.pdf;

import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Formats;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FIELD-NOTES: a shared FopFactory used by two threads on its first documents lost its font configuration.
 * Here four threads start rendering together on a renderer that has rendered nothing yet.
 */
class PdfRendererConcurrencyIT {
    private static final int THREADS = 4;
    private static final int DOCUMENTS_PER_THREAD = 50;

    @Test
    void shouldRenderEveryDocumentCorrectlyWithEmbeddedFonts_whenFourThreadsStartRightAfterConstruction() throws Exception {
        // given a fresh renderer and four threads released at once
        PdfRenderer renderer = PdfRenderer.create(Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < DOCUMENTS_PER_THREAD; i++) {
                        Layout layout = Layout.values()[(thread + i) % Layout.values().length];
                        Language language = Language.values()[i % Language.values().length];
                        Document doc = numbered(SampleDocuments.of(DocumentKind.INVOICE, language), "INV-" + thread + "-" + i);
                        // when
                        byte[] pdf = renderer.render(doc, Template.standard(layout));
                        // then (checked per document, collected)
                        String text = Pdfs.text(pdf);
                        String total = Formats.of(doc.locale()).amount(doc.totals().grossAmount());
                        if (!text.contains(doc.number()) || !text.contains(total) || !text.contains("Blåbær & Ærlig Økonomi AS")) {
                            problems.add(doc.number() + ": text missing");
                        }
                        List<String> fonts = Pdfs.fonts(pdf);
                        if (fonts.isEmpty() || !fonts.stream().allMatch(f -> f.contains("DejaVu") && f.endsWith("embedded subset"))) {
                            problems.add(doc.number() + ": fonts " + fonts);
                        }
                    }
                    return problems;
                }));
            }
            start.countDown();

            // then
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> result : results) {
                problems.addAll(result.get());
            }
            assertThat(problems).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Document numbered(Document d, String number) {
        return new Document(d.kind(), d.draft(), number, d.issueDate(), d.dueDate(), d.supplier(), d.customer(),
                d.contacts(), d.poNumber(), d.comments(), d.lines(), d.totals(), d.currency(), d.language(), d.locale(),
                d.kid(), d.creditedInvoiceNumber(), d.invoiceUrl());
    }
}

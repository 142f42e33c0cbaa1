package io.invoiceflow.documents.html;

import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import io.invoiceflow.events.shared.CustomerSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlViewTest {

    @Test
    void shouldShowTheInvoiceLocalized_whenRenderingNorwegian() {
        String html = HtmlView.render(SampleDocuments.of(DocumentKind.INVOICE, Language.NB));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"nb\">", "Faktura INV-1001",
                "Forfallsdato", "19.01.2027", "4\u00A0668,88", "0000010017", "1\u00A0199,50", "Blåbær &amp; Ærlig Økonomi AS",
                "MVA", "25\u00A0%");
    }

    @Test
    void shouldLoadNothingExternal_whenRendered() {
        for (DocumentKind kind : DocumentKind.values()) {
            String html = HtmlView.render(SampleDocuments.of(kind, Language.EN));

            assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                    .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("src=")
                    .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import")
                    .doesNotContain("http://", "https://");
        }
    }

    @Test
    void shouldEscapeEveryValue_whenTheDocumentHoldsMarkup() {
        Document d = SampleDocuments.of(DocumentKind.INVOICE, Language.EN);
        CustomerSnapshot c = d.customer();
        Document evil = new Document(d.kind(), d.draft(), d.number(), d.issueDate(), d.dueDate(), d.supplier(),
                new CustomerSnapshot(c.customerNumber(), "<script>alert(1)</script>", c.organisationNumber(), c.email(),
                        c.billingAddress()), d.contacts(), "\"><img src=x onerror=alert(1)>", "<b>hi</b>", d.lines(),
                d.totals(), d.currency(), d.language(), d.locale(), d.kid(), null, d.invoiceUrl());

        String html = HtmlView.render(evil);

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
                "&lt;b&gt;hi&lt;/b&gt;").doesNotContain("<script>", "<img", "<b>hi");
    }

    @Test
    void shouldSayItIsADraft_whenTheDocumentIsADraft() {
        assertThat(HtmlView.render(SampleDocuments.of(DocumentKind.INVOICE, Language.SV).asDraft()))
                .contains("Utkast – inte en giltig faktura");
    }
}

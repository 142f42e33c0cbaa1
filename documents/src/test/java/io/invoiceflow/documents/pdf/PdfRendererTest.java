package io.invoiceflow.documents.pdf;

import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Formats;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PdfRendererTest {
    private static PdfRenderer renderer;

    @BeforeAll
    static void createRenderer() {
        renderer = PdfRenderer.create(Clock.fixed(Instant.parse("2027-01-05T08:00:00Z"), ZoneOffset.UTC));
    }

    static Stream<Arguments> everyLayoutKindAndLanguage() {
        List<Arguments> out = new ArrayList<>();
        for (Layout layout : Layout.values()) {
            for (DocumentKind kind : DocumentKind.values()) {
                for (Language language : Language.values()) {
                    out.add(Arguments.of(layout, kind, language));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("everyLayoutKindAndLanguage")
    void shouldShowNumberTotalReferencesAndNordicLetters_whenRenderingAnyLayoutKindAndLanguage(
            Layout layout, DocumentKind kind, Language language) {
        // given
        Document doc = SampleDocuments.of(kind, language);

        // when
        String text = Pdfs.text(renderer.render(doc, Template.standard(layout)));

        // then
        String total = Formats.of(doc.locale()).amount(doc.totals().grossAmount());
        assertThat(text).contains(doc.number(), total, "Blåbær & Ærlig Økonomi AS", "Øvre Ålgate 5", "Tromsø–Ålesund")
                .contains("Æ", "Ø", "Å", "æ", "ø", "å", "ä", "ö", "é");
        if (language != Language.EN) {
            assertThat(total).contains("\u00A0").contains(",");
        }
        switch (kind) {
            case INVOICE -> assertThat(text).contains(doc.kid(), Formats.of(doc.locale()).date(doc.dueDate()),
                    "8601.11.17947", expectedLabel(language, "Forfallsdato", "Förfallodatum", "Due date"));
            case CREDIT_NOTE -> assertThat(text).contains("INV-1001",
                    expectedLabel(language, "Kreditnota", "Kreditfaktura", "Credit note"));
            case ORDER -> assertThat(text).contains(expectedLabel(language, "Ordrebekreftelse", "Orderbekräftelse", "Order confirmation"));
        }
        assertThat(text).contains(expectedLabel(language, "MVA-spesifikasjon", "Momsspecifikation", "VAT summary"))
                .contains(expectedLabel(language, "Side 1 av 1", "Sida 1 av 1", "Page 1 of 1"));
    }

    @Test
    void shouldWriteDatesAndAmountsAsTheLocaleDoes_whenRenderingNorwegianSwedishAndEnglish() {
        assertThat(Pdfs.text(renderer.render(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), Template.standard(Layout.CLASSIC))))
                .contains("19.01.2027", "4\u00A0668,88");
        assertThat(Pdfs.text(renderer.render(SampleDocuments.of(DocumentKind.INVOICE, Language.SV), Template.standard(Layout.CLASSIC))))
                .contains("2027-01-19", "4\u00A0668,88", "OCR-nummer");
        assertThat(Pdfs.text(renderer.render(SampleDocuments.of(DocumentKind.INVOICE, Language.EN), Template.standard(Layout.CLASSIC))))
                .contains("19 Jan 2027", "4,668.88");
    }

    @Test
    void shouldWriteTheSameBytes_whenTheSameDocumentIsRenderedForTheSameTime() {
        // given a final invoice rendered once, as a worker does before it sends
        Document doc = SampleDocuments.of(DocumentKind.INVOICE, Language.NB);
        Instant finalizedAt = Instant.parse("2027-01-04T10:15:00Z");
        byte[] first = renderer.render(doc, Template.standard(Layout.MODERN), finalizedAt);

        // when it is rendered again (the next worker after a crash)
        byte[] again = renderer.render(doc, Template.standard(Layout.MODERN), finalizedAt);

        // then the PDF is the one archived the first time
        assertThat(again).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void shouldEmbedOnlySubsetsOfTheDejaVuFonts_whenRendering(Layout layout) {
        List<String> fonts = Pdfs.fonts(renderer.render(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), Template.standard(layout)));

        assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).contains("DejaVu").endsWith("embedded subset"));
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void shouldBeValidPdfA3b_whenRenderingAFinalDocument(Layout layout) {
        for (DocumentKind kind : DocumentKind.values()) {
            byte[] pdf = renderer.render(SampleDocuments.of(kind, Language.NB), Template.standard(layout));

            assertThat(Pdfs.pdfA3bFailures(pdf)).as(layout + " " + kind + "\n" + Pdfs.xmp(pdf)).isEmpty();
            assertThat(Pdfs.xmp(pdf)).contains("pdfaid:part", "3").contains("pdfaid:conformance", "B");
        }
    }

    @Test
    void shouldBeValidPdfA3b_whenTheTemplateHasALogoAndColours() {
        Customisation custom = Customisation.of(TestImages.png(300, 80), "#AA0000", "#FFEEEE", "Bank: DNB\nTakk!", "Betal innen fristen.");

        byte[] pdf = renderer.render(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), new Template.Standard(Layout.MODERN, custom));

        assertThat(Pdfs.pdfA3bFailures(pdf)).isEmpty();
        assertThat(Pdfs.text(pdf)).contains("Bank: DNB", "Takk!", "Betal innen fristen.");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void shouldWatermarkEveryPageAndMakeNoPdfAClaim_whenTheDocumentIsADraft(Language language) {
        // given a draft long enough for several pages
        Document draft = SampleDocuments.withLines(DocumentKind.INVOICE, language, 90).asDraft();

        // when
        byte[] pdf = renderer.render(draft, Template.standard(Layout.MODERN));

        // then
        String watermark = language == Language.EN ? "DRAFT" : "UTKAST";
        List<String> pages = Pdfs.pages(pdf);
        assertThat(pages).hasSizeGreaterThan(1).allSatisfy(page -> assertThat(page).contains(watermark));
        assertThat(Pdfs.xmp(pdf)).doesNotContain("pdfaid");
        assertThat(Pdfs.pdfA3bFailures(pdf)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(Layout.class)
    void shouldRepeatTheHeaderAndNumberThePages_whenTheInvoiceHasManyLines(Layout layout) {
        // given
        Document doc = SampleDocuments.withLines(DocumentKind.INVOICE, Language.NB, 250);

        // when
        byte[] pdf = renderer.render(doc, Template.standard(layout));

        // then
        List<String> pages = Pdfs.pages(pdf);
        int n = pages.size();
        assertThat(n).isGreaterThan(2);
        for (int i = 0; i < n; i++) {
            assertThat(pages.get(i)).contains("INV-1001", "Beskrivelse", "Side " + (i + 1) + " av " + n);
        }
        assertThat(pages.get(n - 1)).contains(doc.kid(), Formats.of(doc.locale()).amount(doc.totals().grossAmount()));
        assertThat(String.join("", pages)).contains("\n250 ").contains("Kjøregodtgjørelse");
        assertThat(Pdfs.pdfA3bFailures(pdf)).isEmpty();
    }

    @Test
    void shouldRenderTheSameValidPdf_whenFopLoadsTheFontsItself() {
        PdfRenderer fopFonts = PdfRenderer.withFopFontLoading(Clock.systemUTC());
        Document doc = SampleDocuments.of(DocumentKind.INVOICE, Language.NB);

        byte[] pdf = fopFonts.render(doc, Template.standard(Layout.CLASSIC));

        assertThat(Pdfs.text(pdf)).isEqualTo(Pdfs.text(renderer.render(doc, Template.standard(Layout.CLASSIC))));
        assertThat(Pdfs.fonts(pdf)).allSatisfy(f -> assertThat(f).endsWith("embedded subset"));
        assertThat(Pdfs.pdfA3bFailures(pdf)).isEmpty();
    }

    private static String expectedLabel(Language language, String nb, String sv, String en) {
        return switch (language) {
            case NB -> nb;
            case SV -> sv;
            case EN -> en;
        };
    }
}

package io.invoiceflow.documents.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reading rendered PDFs back in tests: text (PDFBox), fonts, page count, PDF/A claim and veraPDF validation. */
final class Pdfs {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private Pdfs() {
    }

    static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of each page. */
    static List<String> pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(doc));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "name embedded subset" for every font of every page. */
    static List<String> fonts(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> out = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    boolean embedded = font instanceof PDType0Font t0 ? t0.getDescendantFont().isEmbedded() : font.isEmbedded();
                    String described = font.getName() + (embedded ? " embedded" : " NOT-embedded")
                            + (font.getName().matches("[A-Z]{6}\\+.*") ? " subset" : " full");
                    if (!out.contains(described)) {
                        out.add(described);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XMP metadata as text, or "" when the document has none. */
    static String xmp(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var metadata = doc.getDocumentCatalog().getMetadata();
            return metadata == null ? "" : new String(metadata.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** veraPDF's failed rules for PDF/A-3b (empty: compliant). */
    static List<String> pdfA3bFailures(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = new ArrayList<>();
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED) {
                    failures.add(assertion.getRuleId() + ": " + assertion.getMessage() + " at " + assertion.getLocation().getContext() + " " + assertion.getErrorMessage());
                }
            }
            if (!result.isCompliant() && failures.isEmpty()) {
                failures.add("not compliant");
            }
            return failures;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

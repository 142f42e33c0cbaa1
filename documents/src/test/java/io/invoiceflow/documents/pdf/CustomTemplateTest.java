package io.invoiceflow.documents.pdf;

import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import io.invoiceflow.documents.testing.Stylesheets;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CustomTemplateTest {
    private static PdfRenderer renderer;

    @BeforeAll
    static void createRenderer() {
        renderer = PdfRenderer.create(Clock.systemUTC());
    }

    /** A minimal valid custom template; {@code body} is placed in the flow. */
    static String template(String body) {
        return Stylesheets.a4("""
                <fo:block font-size="18pt"><xsl:value-of select="title"/><xsl:text> </xsl:text><xsl:value-of select="number"/></fo:block>
                <fo:block><xsl:value-of select="customer/name"/></fo:block>
                <fo:block>Til betaling: <xsl:value-of select="totals/gross-amount"/><xsl:text> </xsl:text><xsl:value-of select="@currency"/></fo:block>
                <fo:block>KID: <xsl:value-of select="payment/kid"/></fo:block>
                <xsl:for-each select="lines/line"><fo:block><xsl:value-of select="description"/></fo:block></xsl:for-each>
                %s
                """.formatted(body));
    }

    private static FieldViolation refusal(String xslt) {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> renderer.validate(new Template.Custom(xslt, Customisation.NONE)));
        assertThat(e).as("the template should be refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    @Test
    void shouldRenderTheDocument_whenACustomTemplateIsValid() {
        Template custom = new Template.Custom(template(""), Customisation.NONE);

        renderer.validate(custom);
        byte[] pdf = renderer.render(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), custom);

        assertThat(Pdfs.text(pdf)).contains("Faktura INV-1001", "4\u00A0668,88 NOK", "KID: 0000010017", "Kjøregodtgjørelse");
        assertThat(Pdfs.pdfA3bFailures(pdf)).isEmpty();
    }

    @Test
    void shouldShowTheLogo_whenACustomTemplateUsesIt() {
        Template custom = new Template.Custom(template("""
                <xsl:if test="style/logo"><fo:block><fo:external-graphic src="{style/logo/@src}" content-width="40mm"/></fo:block></xsl:if>
                """), Customisation.of(TestImages.jpeg(200, 60), null, null, null, null));

        renderer.validate(custom);
        byte[] pdf = renderer.render(SampleDocuments.of(DocumentKind.INVOICE, Language.EN), custom);

        assertThat(Pdfs.pdfA3bFailures(pdf)).isEmpty();
    }

    @Test
    void shouldWatermarkACustomTemplate_whenTheDocumentIsADraft() {
        Template custom = new Template.Custom(template(""), Customisation.NONE);

        byte[] pdf = renderer.render(SampleDocuments.withLines(DocumentKind.INVOICE, Language.NB, 120).asDraft(), custom);

        assertThat(Pdfs.pages(pdf)).hasSizeGreaterThan(1).allSatisfy(page -> assertThat(page).contains("UTKAST"));
    }

    @Test
    void shouldGiveThePreview_whenATemplateIsValid() {
        byte[] pdf = renderer.preview(new Template.Custom(template(""), Customisation.NONE), Language.SV);

        assertThat(Pdfs.text(pdf)).contains("Faktura INV-1001", "Blåbær");
    }

    @Test
    void shouldRefuseWithTheLine_whenTheXsltIsNotWellFormed() {
        FieldViolation v = refusal(template("<fo:block>unclosed"));

        assertThat(v.field()).isEqualTo("xslt");
        assertThat(v.rule()).isEqualTo("renders");
        assertThat(v.message()).contains("not well-formed").contains("line");
    }

    @Test
    void shouldRefuse_whenTheXsltDoesNotCompile() {
        assertThat(refusal(template("<xsl:value-of select=\"count(\"/>")).message()).contains("does not compile");
    }

    @Test
    void shouldRefuse_whenTheTemplateProducesInvalidFo() {
        assertThat(refusal(template("<fo:blok>typo</fo:blok>")).message()).containsIgnoringCase("blok");
    }

    @Test
    void shouldRefuse_whenTheTemplateIsNotXslt() {
        assertThat(refusal("<html><body>hello</body></html>").message()).contains("xsl:stylesheet");
    }

    @Test
    void shouldRefuse_whenTheTemplateCallsDocument() {
        assertThat(refusal(template("<fo:block><xsl:value-of select=\"document('file:///etc/passwd')\"/></fo:block>")).message())
                .contains("document() is not allowed");
    }

    @Test
    void shouldRefuse_whenTheTemplateCallsAnExtensionFunction() {
        String xslt = template("<fo:block><xsl:value-of select=\"rt:exec(rt:getRuntime(), 'id')\" xmlns:rt=\"http://xml.apache.org/xalan/java/java.lang.Runtime\"/></fo:block>");

        assertThat(refusal(xslt).message()).contains("extension function rt:exec() is not allowed");
    }

    @Test
    void shouldRefuse_whenTheTemplateDeclaresExtensionElements() {
        String xslt = template("").replace("version=\"1.0\"",
                "version=\"1.0\" xmlns:x=\"http://xml.apache.org/xalan/redirect\" extension-element-prefixes=\"x\"");

        assertThat(refusal(xslt).message()).contains("extension elements are not allowed");
    }

    @Test
    void shouldRefuse_whenTheTemplateDeclaresAnExternalEntity() {
        String xslt = "<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + template("<fo:block>&secret;</fo:block>");

        assertThat(refusal(xslt).message()).contains("DOCTYPE");
    }

    @Test
    void shouldRefuse_whenTheTemplateIncludesAnotherStylesheet() {
        String xslt = template("").replace("<xsl:template match=\"/document\">",
                "<xsl:include href=\"file:///etc/other.xsl\"/><xsl:template match=\"/document\">");

        assertThat(refusal(xslt).message()).contains("xsl:include is not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "http://127.0.0.1:9/logo.png", "https://invoiceflow.example/logo.png",
            "jar:file:/tmp/x.jar!/logo.png", "invoiceflow:/fonts/../../etc/passwd", "/etc/passwd", "logo.png"})
    void shouldRefuseWithTheAddress_whenTheTemplateReachesForAnExternalImage(String src) {
        FieldViolation v = refusal(template("<fo:block><fo:external-graphic src=\"url(" + src + ")\"/></fo:block>"));

        assertThat(v.field()).isEqualTo("xslt");
        assertThat(v.message()).contains("is refused");
    }

    @Test
    void shouldFailSafelyWithTheReason_whenRenderingATemplateThatReachesForAFile() {
        Template custom = new Template.Custom(template("<fo:block><fo:external-graphic src=\"file:///etc/passwd\"/></fo:block>"),
                Customisation.NONE);

        assertThatThrownBy(() -> renderer.render(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), custom))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("access to file:///etc/passwd is refused");
    }

    @Test
    void shouldRefuse_whenTheTemplateUsesAFontTheRendererDoesNotHave() {
        assertThat(refusal(template("<fo:block font-family=\"Comic Sans MS\">x</fo:block>")).message())
                .containsIgnoringCase("Comic Sans MS");
    }

    @Test
    void shouldRefuse_whenTheTemplateRecursesForever() {
        String xslt = template("<xsl:call-template name=\"loop\"/>").replace("</xsl:stylesheet>",
                "<xsl:template name=\"loop\"><xsl:call-template name=\"loop\"/></xsl:template></xsl:stylesheet>");

        assertThat(refusal(xslt).message()).contains("recursed too deeply");
    }

    @Test
    void shouldRefuseTheLogo_whenItIsTooLargeOrNotAnImage() {
        DomainException tooLarge = catchThrowableOfType(DomainException.class,
                () -> Customisation.of(new byte[Logo.MAX_BYTES + 1], null, null, null, null));
        DomainException notAnImage = catchThrowableOfType(DomainException.class,
                () -> Customisation.of("GIF89a".getBytes(), "red", null, null, null));
        DomainException tooManyPixels = catchThrowableOfType(DomainException.class,
                () -> Customisation.of(TestImages.png(Logo.MAX_PIXELS + 1, 10), null, null, null, null));

        assertThat(tooLarge.violations()).extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("logo", "max-size"));
        assertThat(notAnImage.violations()).extracting(FieldViolation::field, FieldViolation::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple("logo", "format"), org.assertj.core.groups.Tuple.tuple("primaryColor", "hex-color"));
        assertThat(tooManyPixels.violations()).extracting(FieldViolation::rule).containsExactly("max-pixels");
    }

    @Test
    void shouldValidateEveryStandardLayout_whenCustomised() {
        Customisation c = Customisation.of(TestImages.png(400, 120), "#123456", "#ABCDEF", "Footer æøå", "Note");

        for (Layout layout : Layout.values()) {
            renderer.validate(new Template.Standard(layout, c));
        }
    }
}

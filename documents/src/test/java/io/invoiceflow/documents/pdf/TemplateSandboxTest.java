package io.invoiceflow.documents.pdf;

import com.sun.net.httpserver.HttpServer;
import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.FieldViolation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.xml.transform.Templates;
import javax.xml.transform.TransformerException;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Attacks on the template sandbox (ADR 0122), each with the layer that refuses it: the static check or the locked
 * XSLT engine on save, FOP's resolver, {@link FoLimits} or Batik when the FO is rendered. A local HTTP server
 * records every request, so "not fetched" is observed, not assumed.
 */
class TemplateSandboxTest {
    private static final String XLINK = "xmlns:svg=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
    private static PdfRenderer renderer;
    private static HttpServer server;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws IOException {
        renderer = PdfRenderer.create(Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = TestImages.png(10, 10);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    /** One attack: a name for the report, the stylesheet, and a part of the reason it is refused with. */
    record Attack(String name, String xslt, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String http(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** A valid template with {@code flow} in the body and {@code topLevel} before its one template. */
    private static String template(String topLevel, String flow) {
        return CustomTemplateTest.template(flow).replace("<xsl:template match=\"/document\">",
                topLevel + "<xsl:template match=\"/document\">");
    }

    private static String template(String flow) {
        return template("", flow);
    }

    private static String inlineSvg(String content) {
        return "<fo:block><fo:instream-foreign-object><svg:svg " + XLINK + " width=\"10\" height=\"10\">" + content
                + "</svg:svg></fo:instream-foreign-object></fo:block>";
    }

    private static String declarations(String content) {
        return template("").replace("</fo:layout-master-set>", "</fo:layout-master-set><fo:declarations>" + content + "</fo:declarations>");
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static FieldViolation refusedOnSave(String xslt) {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> renderer.validate(new Template.Custom(xslt, Customisation.NONE)));
        assertThat(e).as("the template should be refused on save").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
        assertThat(e.violations()).singleElement().extracting(FieldViolation::field).isEqualTo("xslt");
        return e.violations().get(0);
    }

    private static RenderException refusedOnRender(Document document, String xslt) {
        RenderException e = catchThrowableOfType(RenderException.class,
                () -> renderer.render(document, new Template.Custom(xslt, Customisation.NONE)));
        assertThat(e).as("the render should fail").isNotNull();
        return e;
    }

    private static byte[] rendered(String xslt) {
        return renderer.render(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), new Template.Custom(xslt, Customisation.NONE));
    }

    static Stream<Attack> staticallyRefused() {
        String passwd = "'file:///etc/passwd'";
        String java = "xmlns:j=\"http://xml.apache.org/xalan/java/java.lang.System\"";
        return Stream.of(
                new Attack("document() in an attribute value template",
                        template("<fo:block id=\"{document(" + passwd + ")}\">x</fo:block>"), "document() is not allowed"),
                new Attack("document () with a line break before the parenthesis",
                        template("<fo:block><xsl:value-of select=\"document\n  (" + passwd + ")\"/></fo:block>"), "document() is not allowed"),
                new Attack("document() in xsl:variable select",
                        template("<xsl:variable name=\"v\" select=\"document(" + passwd + ")\"/><fo:block><xsl:value-of select=\"$v\"/></fo:block>"),
                        "document() is not allowed"),
                new Attack("document() in xsl:sort select",
                        template("<xsl:for-each select=\"lines/line\"><xsl:sort select=\"document(" + passwd + ")\"/><fo:block>x</fo:block></xsl:for-each>"),
                        "document() is not allowed"),
                new Attack("document() in xsl:number value",
                        template("<fo:block><xsl:number value=\"count(document(" + passwd + "))\"/></fo:block>"), "document() is not allowed"),
                new Attack("document() in a predicate",
                        template("<fo:block><xsl:value-of select=\"lines/line[document(" + passwd + ")]\"/></fo:block>"), "document() is not allowed"),
                new Attack("document() in xsl:key use",
                        template("<xsl:key name=\"k\" match=\"line\" use=\"document(" + passwd + ")\"/>", ""), "document() is not allowed"),
                new Attack("document() in an attribute set",
                        template("<xsl:attribute-set name=\"s\"><xsl:attribute name=\"id\"><xsl:value-of select=\"document(" + passwd
                                + ")\"/></xsl:attribute></xsl:attribute-set>", ""), "document() is not allowed"),
                new Attack("document() under a second prefix bound to the XSLT namespace",
                        template("<fo:block><t:value-of select=\"document(" + passwd + ")\" xmlns:t=\"http://www.w3.org/1999/XSL/Transform\"/></fo:block>"),
                        "document() is not allowed"),
                // fixed: the '-' of a subtraction was taken for part of a name and hid the call from the check
                new Attack("document() after a minus", template("<fo:block><xsl:value-of select=\"0 -document(" + passwd + ")\"/></fo:block>"),
                        "document() is not allowed"),
                new Attack("document() after a parenthesis and a minus",
                        template("<fo:block><xsl:value-of select=\"(1)-document(" + passwd + ")\"/></fo:block>"), "document() is not allowed"),
                new Attack("unparsed-entity-uri() in an attribute value template",
                        template("<fo:block id=\"a{unparsed-entity-uri('x')}\">x</fo:block>"), "unparsed-entity-uri() is not allowed"),
                new Attack("unparsed-text() under xsl:version 2.0 on a literal result element",
                        template("<fo:block xsl:version=\"2.0\"><xsl:value-of select=\"unparsed-text(" + passwd + ")\"/></fo:block>"),
                        "unparsed-text() is not allowed"),
                // fixed: only ASCII prefixes were recognised
                new Attack("Java call under a non-ASCII prefix",
                        template("<fo:block><xsl:value-of select=\"é:getProperty('user.home')\" xmlns:é=\"http://xml.apache.org/xalan/java/java.lang.System\"/></fo:block>"),
                        "extension function é:getProperty() is not allowed"),
                new Attack("Java call after a minus", template("<fo:block><xsl:value-of select=\"0 -j:getProperty('user.home')\" " + java + "/></fo:block>"),
                        "extension function j:getProperty() is not allowed"),
                new Attack("xalan:// Java call", template("<fo:block><xsl:value-of select=\"s:getProperty('user.home')\" xmlns:s=\"xalan://java.lang.System\"/></fo:block>"),
                        "extension function s:getProperty() is not allowed"),
                new Attack("EXSLT function", template("<xsl:variable name=\"r\"><a/></xsl:variable><fo:block><xsl:value-of "
                        + "select=\"count(exsl:node-set($r)/a)\" xmlns:exsl=\"http://exslt.org/common\"/></fo:block>"), "extension function exsl:node-set()"),
                new Attack("dyn:evaluate", template("<fo:block><xsl:value-of select=\"dyn:evaluate('1+1')\" xmlns:dyn=\"http://exslt.org/dynamic\"/></fo:block>"),
                        "extension function dyn:evaluate()"),
                new Attack("xsl:extension-element-prefixes on a literal result element",
                        template("<fo:block xsl:extension-element-prefixes=\"r\" xmlns:r=\"http://xml.apache.org/xalan/redirect\"><r:write file=\"/tmp/x\">y</r:write></fo:block>"),
                        "extension elements are not allowed"),
                new Attack("xsl:import", template("<xsl:import href=\"file:///etc/passwd\"/>", ""), "xsl:import is not allowed"),
                new Attack("xsl:include under another prefix", template("").replace("<xsl:template match=\"/document\">",
                        "<x:include href=\"/etc/passwd\" xmlns:x=\"http://www.w3.org/1999/XSL/Transform\"/><xsl:template match=\"/document\">"),
                        "xsl:include is not allowed"),
                new Attack("xsl:include in the default namespace", template("").replace("<xsl:template match=\"/document\">",
                        "<include href=\"/etc/passwd\" xmlns=\"http://www.w3.org/1999/XSL/Transform\"/><xsl:template match=\"/document\">"),
                        "xsl:include is not allowed"),
                new Attack("billion laughs", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                        + template("<fo:block>&b;</fo:block>"), "DOCTYPE is disallowed"),
                new Attack("XSLT 2.0", template("").replace("version=\"1.0\"", "version=\"2.0\""), "version=\"1.0\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staticallyRefused")
    void shouldRefuseOnSave_whenTheStaticCheckFindsTheAttack(Attack attack) {
        assertThat(refusedOnSave(attack.xslt()).message()).contains(attack.reason());
    }

    static Stream<Attack> refusedByTheEngine() {
        return Stream.of(
                new Attack("xml-stylesheet processing instruction in the stylesheet", "<?xml-stylesheet href=\"file:///etc/passwd\" type=\"text/xsl\"?>\n"
                        + template(""), "'file' access is not allowed"),
                new Attack("XSLTC's redirect element without extension-element-prefixes",
                        template("<fo:block><r:write file=\"/tmp/x\" xmlns:r=\"http://xml.apache.org/xalan/redirect\">x</r:write></fo:block>"),
                        "is not allowed when the secure processing feature is set"),
                new Attack("xsl:result-document", template("<xsl:result-document href=\"file:///tmp/x\">x</xsl:result-document>"),
                        "Unsupported XSL element 'result-document'"),
                new Attack("system-property() of a Java property", template("<fo:block><xsl:value-of select=\"system-property('user.home')\"/></fo:block>"),
                        "system-property()"),
                new Attack("xsl:message terminate", template("<xsl:message terminate=\"yes\">stop</xsl:message>"), "Termination forced"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByTheEngine")
    void shouldRefuseOnSave_whenTheLockedEngineRefusesTheAttack(Attack attack) {
        assertThat(refusedOnSave(attack.xslt()).message()).contains(attack.reason());
    }

    @Test
    void shouldRefuseJavaCalls_evenWhenTheJvmEnablesExtensionFunctions() {
        // the static check is bypassed on purpose: this is the engine's own lock
        String xslt = "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\" "
                + "xmlns:s=\"http://xml.apache.org/xalan/java/java.lang.System\"><xsl:template match=\"/\">"
                + "<r><xsl:value-of select=\"s:getProperty('user.home')\"/></r></xsl:template></xsl:stylesheet>";
        StringWriter out = new StringWriter();
        String before = System.setProperty("jdk.xml.enableExtensionFunctions", "true");
        Throwable e;
        try {
            e = catchThrowable(() -> {
                var transformer = XsltSandbox.lockedFactory().newTemplates(new StreamSource(new StringReader(xslt))).newTransformer();
                XsltSandbox.lock(transformer);
                transformer.transform(new StreamSource(new StringReader("<a/>")), new StreamResult(out));
            });
        } finally {
            if (before == null) {
                System.clearProperty("jdk.xml.enableExtensionFunctions");
            } else {
                System.setProperty("jdk.xml.enableExtensionFunctions", before);
            }
        }

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("extension function", "is not allowed");
        assertThat(out.toString()).doesNotContain(System.getProperty("user.home"));
    }

    @Test
    void shouldRefuseDocumentAtRunTime_evenWithoutTheStaticCheck() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.xml"), "<s>the secret</s>");
        String xslt = "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"><xsl:template match=\"/\">"
                + "<r><xsl:value-of select=\"document('" + secret.toUri() + "')\"/></r></xsl:template></xsl:stylesheet>";
        Templates templates = XsltSandbox.lockedFactory().newTemplates(new StreamSource(new StringReader(xslt)));
        var transformer = templates.newTransformer();
        XsltSandbox.lock(transformer);
        StringWriter out = new StringWriter();

        TransformerException e = catchThrowableOfType(TransformerException.class,
                () -> transformer.transform(new StreamSource(new StringReader("<a/>")), new StreamResult(out)));

        assertThat(e).isNotNull();
        assertThat(out.toString()).doesNotContain("the secret");
    }

    static Stream<Attack> refusedInTheFo() {
        String png = Base64.getEncoder().encodeToString(TestImages.png(20, 20));
        return Stream.of(
                new Attack("an element aliased into the XSLT namespace", template("<xsl:namespace-alias stylesheet-prefix=\"a\" result-prefix=\"xsl\"/>",
                        "<fo:block><a:value-of select=\"'x'\" xmlns:a=\"urn:alias\"/></fo:block>").replace("xmlns:fo=", "xmlns:a=\"urn:alias\" xmlns:fo="),
                        "Unknown formatting object \"{http://www.w3.org/1999/XSL/Transform}value-of\""),
                new Attack("xi:include", template("<fo:block><xi:include href=\"file:///etc/passwd\" parse=\"text\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"/></fo:block>"),
                        "Unknown formatting object \"{http://www.w3.org/2001/XInclude}include\""),
                new Attack("EXSLT's exsl:document element", template("<exsl:document href=\"file:///tmp/x\" xmlns:exsl=\"http://exslt.org/common\">x</exsl:document>"),
                        "Unknown formatting object \"{http://exslt.org/common}document\""),
                // fixed: FOP reads data: addresses itself, never asking ResourceAccess
                new Attack("data: image", template("<fo:block><fo:external-graphic src=\"url('data:image/png;base64," + png + "')\"/></fo:block>"),
                        "access to data:image/png;base64,"),
                new Attack("DATA: image in upper case", template("<fo:block><fo:external-graphic src=\"DATA:image/png;base64," + png + "\"/></fo:block>"),
                        "access to DATA:image/png"),
                new Attack("data: in the background shorthand", template("<fo:block background=\"url(data:image/png;base64," + png + ")\">x</fo:block>"),
                        "access to data:image/png"),
                new Attack("data: attachment", declarations("<pdf:embedded-file filename=\"evil.exe\" src=\"url('data:application/octet-stream;base64,TVqQAAMAAAAEAAAA')\" "
                        + "xmlns:pdf=\"http://xmlgraphics.apache.org/fop/extensions/pdf\"/>"), "access to data:application/octet-stream"),
                new Attack("data: image from inline SVG", template(inlineSvg("<svg:image width=\"10\" height=\"10\" xlink:href=\"data:image/png;base64," + png + "\"/>")),
                        "access to data:image/png"),
                new Attack("data: in an xml-stylesheet instruction in SVG", template(inlineSvg("<xsl:processing-instruction name=\"xml-stylesheet\">type=\"text/css\" "
                        + "href=\"data:text/css,rect{fill:red}\"</xsl:processing-instruction><svg:rect width=\"10\" height=\"10\"/>")), "access to data:text/css"),
                new Attack("http attachment", declarations("<pdf:embedded-file filename=\"a.txt\" src=\"url('" + http("/attachment") + "')\" "
                        + "xmlns:pdf=\"http://xmlgraphics.apache.org/fop/extensions/pdf\"/>"), "access to " + http("/attachment") + " is refused"),
                new Attack("background image from a file", template("<fo:block background-image=\"url('file:///etc/hostname')\">x</fo:block>"),
                        "access to file:///etc/hostname is refused"),
                new Attack("background image over http", template("<fo:block background-image=\"url('" + http("/background") + "')\">x</fo:block>"),
                        "access to " + http("/background") + " is refused"),
                new Attack("hyphenation patterns by a path in the language", template("<fo:block hyphenate=\"true\" language=\"../../etc/passwd\">hyphenation</fo:block>"),
                        "access to invoiceflow:/../../etc/passwd"),
                new Attack("a font family that is a path", template("<fo:block font-family=\"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf\">x</fo:block>"),
                        "not found"),
                new Attack("a font family that is an address", template("<fo:block font-family=\"url(" + http("/font.ttf") + ")\">x</fo:block>"), "not found"),
                new Attack("SVG image from a file", template(inlineSvg("<svg:image width=\"10\" height=\"10\" xlink:href=\"file:///etc/hostname\"/>")),
                        "file:/etc/hostname"),
                new Attack("SVG image over http", template(inlineSvg("<svg:image width=\"10\" height=\"10\" xlink:href=\"" + http("/svg-image.png") + "\"/>")),
                        "not possible to verify it comes from the same location"),
                new Attack("SVG use of a file", template(inlineSvg("<svg:use xlink:href=\"file:///etc/passwd#x\"/>")), "not possible to verify"),
                new Attack("SVG use over http", template(inlineSvg("<svg:use xlink:href=\"" + http("/x.svg#r") + "\"/>")), "not possible to verify"),
                new Attack("SVG paint from an http document", template(inlineSvg("<svg:rect width=\"10\" height=\"10\" fill=\"url(" + http("/fill.svg#g") + ")\"/>")),
                        "not possible to verify"),
                new Attack("SVG feImage over http", template(inlineSvg("<svg:filter id=\"f\"><svg:feImage xlink:href=\"" + http("/feimage.png")
                        + "\"/></svg:filter><svg:rect width=\"10\" height=\"10\" filter=\"url(#f)\"/>")), "not possible to verify"),
                new Attack("SVG font over http", template(inlineSvg("<svg:font-face font-family=\"X\"><svg:font-face-src><svg:font-face-uri xlink:href=\""
                        + http("/font.svg#f") + "\"/></svg:font-face-src></svg:font-face><svg:text x=\"0\" y=\"10\" font-family=\"X\">hi</svg:text>")),
                        "not possible to verify"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedInTheFo")
    void shouldFailTheRender_whenTheFoReachesOutsideTheRenderer(Attack attack) {
        int before = requests.size();

        RenderException e = refusedOnRender(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), attack.xslt());

        assertThat(e.getMessage()).contains(attack.reason());
        assertThat(requests).as("no request reaches the server").hasSize(before);
    }

    @Test
    void shouldRefuseAFileReadThroughADataSvg_whichBatikWouldAllowAsTheSameOrigin() throws IOException {
        // a data: SVG has no host, nor has file:, so Batik took a file: reference in it for the same origin and read
        // the file (this rectangle was drawn) before data: addresses were refused
        Path svg = Files.writeString(dir.resolve("local.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect id=\"r\" width=\"10\" height=\"10\" fill=\"red\"/></svg>");
        String inner = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\">"
                + "<use xlink:href=\"" + svg.toUri() + "#r\"/></svg>";

        FieldViolation v = refusedOnSave(template("<fo:block><fo:external-graphic src=\"url('data:image/svg+xml;base64," + base64(inner) + "')\"/></fo:block>"));

        assertThat(v.message()).contains("access to data:image/svg+xml;base64,", "is refused");
    }

    @Test
    void shouldRefuseAnotherLogoAndEncodedPaths_whenTheTemplateGuessesRendererAddresses() {
        Logo other = Logo.of(TestImages.png(31, 17));
        for (String src : List.of(other.uri(), "invoiceflow:/logo/%2e%2e/%2e%2e/etc/passwd", "invoiceflow:/logo/..%2f..%2fetc/passwd",
                "invoiceflow:/fonts/../../etc/passwd")) {
            RenderException e = refusedOnRender(SampleDocuments.of(DocumentKind.INVOICE, Language.NB),
                    template("<fo:block><fo:external-graphic src=\"url('" + src + "')\"/></fo:block>"));

            assertThat(e.getMessage()).contains("access to " + src + " is refused");
        }
    }

    @Test
    void shouldRefuseExternalDocuments_whenTheTemplateEmbedsAFileOrAnAddress() {
        String xslt = template("").replace("<fo:page-sequence master-reference=\"a4\">",
                "<fox:external-document src=\"url('" + http("/external.png") + "')\" xmlns:fox=\"http://xmlgraphics.apache.org/fop/extensions\"/>"
                        + "<fox:external-document src=\"url('file:///etc/hostname')\" xmlns:fox=\"http://xmlgraphics.apache.org/fop/extensions\"/>"
                        + "<fo:page-sequence master-reference=\"a4\">");
        int before = requests.size();

        RenderException e = refusedOnRender(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), xslt);

        assertThat(e.getMessage()).contains("access to " + http("/external.png") + " is refused", "access to file:///etc/hostname is refused");
        assertThat(requests).hasSize(before);
    }

    @Test
    void shouldWriteMarkupAsText_whenTheTemplateDisablesOutputEscaping() {
        byte[] pdf = rendered(template("<fo:block><xsl:text disable-output-escaping=\"yes\"><![CDATA[<fo:external-graphic src=\"file:///etc/passwd\"/>]]></xsl:text></fo:block>"
                + "<fo:block><xsl:value-of disable-output-escaping=\"yes\" select=\"'&lt;fo:block&gt;b&lt;/fo:block&gt;'\"/></fo:block>"));

        assertThat(Pdfs.text(pdf)).contains("<fo:external-graphic src=\"file:///etc/passwd\"/>", "<fo:block>b</fo:block>");
    }

    @Test
    void shouldNeitherRunScriptsNorFollowLinks_whenTheTemplateHasThem() {
        Path marker = dir.resolve("script-ran");
        String run = "java.lang.Runtime.getRuntime().exec('touch " + marker + "')";
        int before = requests.size();

        byte[] pdf = rendered(template(inlineSvg("<svg:script type=\"text/ecmascript\">" + run + "; new java.net.URL('" + http("/script")
                + "').openStream();</svg:script><svg:script type=\"text/ecmascript\" xlink:href=\"" + http("/external.js") + "\"/>"
                + "<svg:rect width=\"10\" height=\"10\" onload=\"" + run + "\"/><svg:a xlink:href=\"" + http("/svg-link") + "\"><svg:rect width=\"5\" height=\"5\"/></svg:a>")
                + "<fo:block><fo:basic-link external-destination=\"url('" + http("/basic-link") + "')\">link</fo:basic-link></fo:block>"));

        assertThat(Pdfs.text(pdf)).contains("link");
        assertThat(marker).doesNotExist();
        assertThat(requests).as("scripts and links are not fetched").hasSize(before);
    }

    @Test
    void shouldRefuse_whenTheTemplateProducesTooManyElements() {
        // 125 x 125 x 26 elements from three nested loops over the input's 125 elements: no recursion at all
        String xslt = template("<xsl:for-each select=\"//*\"><xsl:for-each select=\"//*\"><xsl:for-each select=\"(//*)[position() &lt;= 26]\">"
                + "<fo:block/></xsl:for-each></xsl:for-each></xsl:for-each>");

        assertThat(refusedOnRender(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), xslt).getMessage())
                .contains("more than " + FoLimits.MAX_ELEMENTS + " XSL-FO elements");
    }

    @Test
    void shouldRefuse_whenTheTemplateProducesTooMuchText() {
        // fixed: text was not bounded; FOP took about 12 s and 1 GB per million characters of one paragraph
        String xslt = template("<fo:block><xsl:for-each select=\"//*\"><xsl:for-each select=\"//*\"><xsl:for-each select=\"//*\">"
                + "<xsl:text>xxxxxxxxx </xsl:text></xsl:for-each></xsl:for-each></xsl:for-each></fo:block>");

        assertThat(refusedOnRender(SampleDocuments.of(DocumentKind.INVOICE, Language.NB), xslt).getMessage())
                .contains("more than " + FoLimits.MAX_CHARACTERS + " characters");
    }

    @Test
    void shouldKeepTheLocks_whenATemplateMisbehavesOnlyForDataTheSamplesDoNotHave() {
        // the samples have a few lines; an invoice with more than 100 takes the other branch
        String xslt = template("<xsl:if test=\"count(lines/line) &gt; 100\"><fo:block><fo:external-graphic src=\"url('file:///etc/hostname')\"/>"
                + "<fo:external-graphic src=\"url('data:image/png;base64," + Base64.getEncoder().encodeToString(TestImages.png(5, 5)) + "')\"/></fo:block></xsl:if>");
        renderer.validate(new Template.Custom(xslt, Customisation.NONE));

        RenderException e = refusedOnRender(SampleDocuments.withLines(DocumentKind.INVOICE, Language.NB, 120), xslt);

        assertThat(e.getMessage()).contains("is refused");
    }

    @Test
    void shouldRefuseOnSave_whenAForbiddenCallIsInABranchTheSamplesNeverTake() {
        String xslt = template("<xsl:if test=\"customer/name = 'Someone else'\"><fo:block><xsl:value-of select=\"document('file:///etc/passwd')\"/></fo:block></xsl:if>");

        assertThat(refusedOnSave(xslt).message()).contains("document() is not allowed");
    }
}

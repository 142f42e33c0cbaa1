package io.invoiceflow.documents.pdf;

import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Labels;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SampleDocuments;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;
import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.Fop;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.FopFactoryBuilder;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.apps.io.ResourceResolverFactory;
import org.apache.fop.render.intermediate.IFContext;
import org.apache.fop.render.intermediate.IFDocumentHandlerConfigurator;
import org.apache.fop.render.pdf.PDFDocumentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.transform.Source;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders documents to PDF with Apache FOP: the template input XML ({@link TemplateInput}) goes through a
 * compiled XSLT ({@link Layout standard} or a tenant's {@link Template.Custom}) straight into FOP as SAX events.
 * Final documents are PDF/A-3b; drafts carry a watermark on every page and make no PDF/A claim.
 *
 * <p>Create one instance at start and share it: it is thread-safe. It holds one {@link FopFactory} built from
 * an immutable copy of its configuration ({@link FrozenConfiguration}; FOP's DOM-backed one lost its fonts
 * under concurrent first use), the compiled standard layouts, the fonts in memory and a bounded cache of
 * compiled custom templates. FOP can reach nothing but these fonts and the document's logo
 * ({@link ResourceAccess}); tenants' stylesheets run in the {@link XsltSandbox}.
 */
public final class PdfRenderer {
    /** How many compiled custom templates are kept (least recently used are dropped). */
    static final int CUSTOM_CACHE_SIZE = 128;
    private static final String PDF_A_MODE = "pdf-a-mode";

    private final Clock clock;
    private final FopFactory fopFactory;
    /** Null when FOP loads the fonts itself (benchmark comparison only). */
    private final SharedFonts fonts;
    private final Map<Layout, Templates> standard = new EnumMap<>(Layout.class);
    private final TransformerFactory lockedFactory = XsltSandbox.lockedFactory();
    private final Map<String, Templates> custom = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Templates> eldest) {
            return size() > CUSTOM_CACHE_SIZE;
        }
    };

    private PdfRenderer(Clock clock, boolean sharedFonts) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Map<URI, byte[]> fontFiles = Fonts.files();
        this.fopFactory = fopFactory(fontFiles, sharedFonts ? "" : Fonts.configuration());
        this.fonts = sharedFonts ? new SharedFonts(Fonts.faces(fontFiles)) : null;
        TransformerFactory trusted = TransformerFactory.newDefaultInstance();
        trusted.setURIResolver((href, base) -> {
            if (!href.matches("[a-z-]+\\.xsl")) {
                throw new TransformerException("standard layouts import only their own files: " + href);
            }
            return classpath("layouts/" + href);
        });
        try {
            for (Layout layout : Layout.values()) {
                standard.put(layout, trusted.newTemplates(classpath(layout.resource())));
            }
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("a standard layout does not compile", e);
        }
    }

    /** A renderer; {@code clock} gives the PDFs' creation time. */
    public static PdfRenderer create(Clock clock) {
        return new PdfRenderer(clock, true);
    }

    /**
     * A renderer that lets FOP load the fonts per document as FOP does by default (no {@link SharedFonts}). Only
     * for measuring what sharing the fonts saves (bench/ DocumentsBenchmark); use {@link #create} otherwise.
     */
    public static PdfRenderer withFopFontLoading(Clock clock) {
        return new PdfRenderer(clock, false);
    }

    /**
     * The PDF of a document: PDF/A-3b when final, watermarked and not PDF/A when a draft.
     *
     * @throws RenderException when the template fails on this document (the reason is safe to show)
     */
    public byte[] render(Document document, Template template) {
        return render(document, template, clock.instant());
    }

    /**
     * The PDF of a document created at {@code createdAt}: the same document, template and time give the
     * same bytes, so an email sent again after a crash carries the PDF that was archived the first time.
     */
    public byte[] render(Document document, Template template, Instant createdAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        render(document, template, createdAt, out);
        return ReproduciblePdf.fix(out.toByteArray(), createdAt);
    }

    /** Streams the PDF of a document to {@code out} (not closed); unlike {@link #render(Document, Template, Instant)}, not reproducible. */
    public void render(Document document, Template template, OutputStream out) {
        render(document, template, clock.instant(), out);
    }

    private void render(Document document, Template template, Instant createdAt, OutputStream out) {
        Templates xslt;
        String layoutName;
        if (template instanceof Template.Standard s) {
            xslt = standard.get(s.layout());
            layoutName = s.layout().id();
        } else {
            xslt = compiled(((Template.Custom) template).xslt());
            layoutName = "custom";
        }
        transform(document, template.customisation(), layoutName, xslt, template instanceof Template.Custom, createdAt,
                out);
    }

    /**
     * Checks a template before it is saved (S3): a custom stylesheet must pass the sandbox's checks, and the
     * template must render the sample invoice (final and draft), credit note and order in every language.
     *
     * @throws DomainException {@code INVALID_INPUT} with a violation on {@code xslt} (custom) or
     *                         {@code template} naming the reason
     */
    public void validate(Template template) {
        String field = template instanceof Template.Custom ? "xslt" : "template";
        try {
            if (template instanceof Template.Custom c) {
                compiled(c.xslt());
            }
            for (Language language : Language.values()) {
                for (DocumentKind kind : DocumentKind.values()) {
                    Document sample = SampleDocuments.of(kind, language);
                    requirePdf(render(sample, template));
                    if (kind == DocumentKind.INVOICE) {
                        requirePdf(render(sample.asDraft(), template));
                    }
                }
            }
        } catch (RenderException e) {
            throw DomainException.invalid(List.of(new FieldViolation(field, "renders", e.getMessage())));
        }
    }

    /** The sample invoice rendered with {@code template}, for a preview before saving (S3). */
    public byte[] preview(Template template, Language language) {
        return render(SampleDocuments.of(DocumentKind.INVOICE, language), template);
    }

    private static void requirePdf(byte[] pdf) {
        if (pdf.length < 5 || pdf[0] != '%' || pdf[1] != 'P' || pdf[2] != 'D' || pdf[3] != 'F') {
            throw new RenderException("the template produced no PDF");
        }
    }

    private Templates compiled(String xslt) {
        String key = Logo.sha256(xslt.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        synchronized (custom) {
            Templates cached = custom.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Templates compiled = XsltSandbox.compile(lockedFactory, xslt);
        synchronized (custom) {
            custom.put(key, compiled);
        }
        return compiled;
    }

    private void transform(Document document, Customisation customisation, String layout, Templates xslt,
                           boolean tenantXslt, Instant createdAt, OutputStream out) {
        RenderEvents events = new RenderEvents();
        Map<URI, byte[]> resources = new LinkedHashMap<>();
        if (customisation.logo() != null) {
            resources.put(URI.create(customisation.logo().uri()), customisation.logo().bytesUnsafe());
        }
        try (ResourceAccess.Scope scope = ResourceAccess.open(resources)) {
            try {
                FOUserAgent agent = userAgent(document, events, createdAt);
                Fop fop = fopFactory.newFop(MimeConstants.MIME_PDF, agent, out);
                ContentHandler sink = fop.getDefaultHandler();
                if (document.draft()) {
                    sink = new DraftWatermark(Labels.get(document.language(), "draft"), sink);
                }
                if (tenantXslt) {
                    sink = new FoLimits(sink);
                }
                Transformer transformer = xslt.newTransformer();
                XsltSandbox.lock(transformer);
                transformer.transform(new SAXSource(new TemplateInputReader(document, customisation, layout),
                        new InputSource()), new SAXResult(sink));
            } catch (TransformerException | FOPException | RuntimeException e) {
                throw failure(scope, events, e);
            } catch (StackOverflowError e) {
                throw new RenderException("the template recursed too deeply", e);
            }
            if (!scope.refused().isEmpty() || !events.failures().isEmpty()) {
                throw failure(scope, events, null);
            }
        }
    }

    private static RenderException failure(ResourceAccess.Scope scope, RenderEvents events, Exception cause) {
        List<String> reasons = new ArrayList<>();
        scope.refused().stream().filter(r -> !reasons.contains(r)).forEach(reasons::add);
        events.failures().stream().filter(f -> !reasons.contains(f)).forEach(reasons::add);
        if (cause instanceof RenderException r) {
            reasons.add(r.getMessage());
        } else if (cause != null) {
            reasons.add(reason(cause));
        }
        return new RenderException(String.join("; ", reasons), cause);
    }

    /** The innermost meaningful message of a failure. */
    private static String reason(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t != null) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
            Throwable next = t instanceof SAXException s && s.getException() != null ? s.getException()
                    : t instanceof TransformerException te && te.getException() != null ? te.getException() : t.getCause();
            if (next == t) {
                break;
            }
            t = next;
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private FOUserAgent userAgent(Document document, RenderEvents events, Instant createdAt) throws FOPException {
        FOUserAgent agent = fopFactory.newFOUserAgent();
        agent.setCreationDate(Date.from(createdAt));
        agent.setProducer("Invoiceflow");
        agent.setCreator("Invoiceflow");
        if (document.draft()) {
            // only drafts get a document title: FOP 2.11 writes dc:title as a simple XMP value where PDF/A needs a
            // language alternative, which veraPDF rejects (ISO 19005-3 6.6.2.3.1)
            agent.setTitle(Labels.get(document.language(), "draft") + ": "
                    + Labels.get(document.language(), TemplateInput.title(document.kind())));
        }
        agent.setAuthor(document.supplier().name());
        if (!document.draft()) {
            @SuppressWarnings("unchecked") // FOP declares the renderer options as a raw Map
            Map<String, Object> options = agent.getRendererOptions();
            options.put(PDF_A_MODE, "PDF/A-3b");
        }
        agent.getEventBroadcaster().addEventListener(events);
        if (fonts == null) {
            return agent;
        }
        PDFDocumentHandler handler = new PDFDocumentHandler(new IFContext(agent)) {
            @Override
            public IFDocumentHandlerConfigurator getConfigurator() {
                return new SharedFontsConfigurator(agent, fonts);
            }
        };
        handler.getConfigurator().configure(handler);
        agent.setDocumentHandlerOverride(handler);
        return agent;
    }

    private static FopFactory fopFactory(Map<URI, byte[]> fontFiles, String fontConfiguration) {
        String xml = "<fop version=\"1.0\"><strict-configuration>true</strict-configuration>"
                + "<use-cache>false</use-cache><complex-scripts disabled=\"true\"/>"
                + "<renderers><renderer mime=\"application/pdf\">" + fontConfiguration + "</renderer></renderers></fop>";
        URI base = URI.create(ResourceAccess.BASE);
        ResourceAccess access = new ResourceAccess(fontFiles);
        FopFactoryBuilder builder = new FopFactoryBuilder(base, access).setStrictFOValidation(true);
        builder.setConfiguration(FrozenConfiguration.parse(xml));
        // FopConfParser gives the font manager FOP's default (file and network) resolver: replace it
        builder.getFontManager().setResourceResolver(ResourceResolverFactory.createInternalResourceResolver(base, access));
        builder.setHyphenBaseResourceResolver(ResourceResolverFactory.createInternalResourceResolver(base, access));
        builder.setComplexScriptFeatures(false);
        return builder.build();
    }

    private static Source classpath(String resource) {
        InputStream in = PdfRenderer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing resource " + resource));
        }
        StreamSource source = new StreamSource(in);
        source.setSystemId(PdfRenderer.class.getResource(resource).toExternalForm());
        return source;
    }
}

package io.invoiceflow.documents.pdf;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.ErrorListener;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.URIResolver;
import javax.xml.transform.sax.SAXSource;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a tenant's XSLT so that it can reach nothing outside its input: the JDK's own XSLT engine (never a
 * Saxon found on the classpath), secure processing on, no external DTD or stylesheet access, a URI resolver
 * that refuses every address, and the stylesheet parsed with DOCTYPE declarations disallowed (no entities at
 * all). Before compiling, a static check refuses what the sandbox would otherwise only stop when the sample
 * happens to reach it: {@code document()}, {@code unparsed-text}, prefixed (extension) function calls,
 * extension elements, {@code xsl:import}/{@code xsl:include} and non-XSLT-1.0 versions.
 */
final class XsltSandbox {
    /** The largest stylesheet accepted. */
    static final int MAX_CHARS = Template.MAX_XSLT_CHARS;
    static final String XSL = "http://www.w3.org/1999/XSL/Transform";
    /** The JDK's feature behind {@code jdk.xml.enableExtensionFunctions}. */
    static final String ENABLE_EXTENSION_FUNCTIONS = "http://www.oracle.com/xml/jaxp/properties/enableExtensionFunctions";
    private static final URIResolver REFUSE = (href, base) -> {
        throw new TransformerException("the template may not load '" + href + "': no external access");
    };
    // no '-' in the look-behind: in "1 -document(...)" the '-' is a minus, not part of a name
    private static final Pattern DOCUMENT_CALL = Pattern.compile("(?<![\\w.:])(document|unparsed-text|unparsed-entity-uri|doc|collection)\\s*\\(");
    /** An XML name as loosely as needed: no ASCII delimiter, any other character (prefixes may be non-ASCII). */
    private static final String NAME = "[^\\s!-,/:;<=>?@\\[\\\\\\]^`{|}~]+";
    private static final Pattern PREFIXED_CALL = Pattern.compile("(" + NAME + "):(" + NAME + ")\\s*\\(");
    private static final java.util.Set<String> EXPRESSION_ATTRIBUTES = java.util.Set.of("select", "test", "match", "use",
            "value", "count", "from", "group-by");

    private XsltSandbox() {
    }

    /** The factory for tenants' stylesheets; not thread-safe, so callers synchronize on it. */
    static TransformerFactory lockedFactory() {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // secure processing alone yields to -Djdk.xml.enableExtensionFunctions=true (or jaxp.properties); set
            // on the factory, this outranks both
            factory.setFeature(ENABLE_EXTENSION_FUNCTIONS, false);
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK XSLT engine refuses secure processing", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        factory.setURIResolver(REFUSE);
        return factory;
    }

    /** Applies the per-transform locks (the resolver for {@code document()} at run time). */
    static void lock(Transformer transformer) {
        transformer.setURIResolver(REFUSE);
    }

    /**
     * Checks and compiles a stylesheet.
     *
     * @throws RenderException with the reason (and line) when the stylesheet is refused or does not compile
     */
    static Templates compile(TransformerFactory factory, String xslt) {
        if (xslt.isBlank()) {
            throw new RenderException("the template is empty");
        }
        if (xslt.length() > MAX_CHARS) {
            throw new RenderException("the template has " + xslt.length() + " characters; at most " + MAX_CHARS
                    + " are allowed");
        }
        staticCheck(xslt);
        List<String> errors = new ArrayList<>();
        synchronized (factory) {
            factory.setErrorListener(collecting(errors));
            try {
                return factory.newTemplates(new SAXSource(hardenedReader(), new InputSource(new StringReader(xslt))));
            } catch (TransformerConfigurationException e) {
                String reason = errors.isEmpty() ? message(e) : String.join("; ", errors);
                throw new RenderException("the template does not compile: " + reason, e);
            }
        }
    }

    private static void staticCheck(String xslt) {
        StaticCheck check = new StaticCheck();
        try {
            XMLReader reader = hardenedReader();
            reader.setContentHandler(check);
            reader.setErrorHandler(check);
            reader.parse(new InputSource(new StringReader(xslt)));
        } catch (SAXParseException e) {
            throw new RenderException("the template is not well-formed XML (line " + e.getLineNumber() + "): "
                    + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new RenderException("the template cannot be read: " + e.getMessage(), e);
        }
        if (!check.problems.isEmpty()) {
            throw new RenderException(String.join("; ", check.problems));
        }
    }

    static XMLReader hardenedReader() {
        try {
            SAXParserFactory spf = SAXParserFactory.newDefaultInstance();
            spf.setNamespaceAware(true);
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
            spf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            spf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            XMLReader reader = spf.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("cannot create a hardened XML parser", e);
        }
    }

    private static ErrorListener collecting(List<String> errors) {
        return new ErrorListener() {
            @Override
            public void warning(TransformerException e) {
                // warnings do not refuse a template
            }

            @Override
            public void error(TransformerException e) {
                errors.add(message(e));
            }

            @Override
            public void fatalError(TransformerException e) throws TransformerException {
                errors.add(message(e));
                throw e;
            }
        };
    }

    static String message(TransformerException e) {
        String location = e.getLocator() == null || e.getLocator().getLineNumber() <= 0 ? ""
                : " (line " + e.getLocator().getLineNumber() + ")";
        return e.getMessage() + location;
    }

    private static final class StaticCheck extends DefaultHandler {
        private final List<String> problems = new ArrayList<>();
        private Locator locator;
        private boolean root = true;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            if (root) {
                root = false;
                if (!XSL.equals(uri) || !("stylesheet".equals(localName) || "transform".equals(localName))) {
                    problems.add("the template must be an xsl:stylesheet (XSLT 1.0); found " + qName);
                    return;
                }
                String version = atts.getValue("version");
                if (!"1.0".equals(version)) {
                    problems.add("the template must declare version=\"1.0\" (XSLT 1.0); found " + version);
                }
            }
            if (XSL.equals(uri) && ("import".equals(localName) || "include".equals(localName))) {
                problem("xsl:" + localName + " is not allowed: a template is one self-contained stylesheet");
            }
            for (int i = 0; i < atts.getLength(); i++) {
                String name = atts.getLocalName(i);
                String value = atts.getValue(i);
                if ("extension-element-prefixes".equals(name)) {
                    problem("extension elements are not allowed (extension-element-prefixes)");
                }
                boolean expression = XSL.equals(uri) && EXPRESSION_ATTRIBUTES.contains(name) || value.indexOf('{') >= 0;
                if (expression) {
                    expression(value);
                }
            }
        }

        private void expression(String xpath) {
            Matcher document = DOCUMENT_CALL.matcher(xpath);
            if (document.find()) {
                problem(document.group(1) + "() is not allowed: a template reads only its input document");
            }
            Matcher prefixed = PREFIXED_CALL.matcher(xpath);
            if (prefixed.find()) {
                problem("extension function " + prefixed.group(1).replaceFirst("^[-.]+", "") + ":" + prefixed.group(2)
                        + "() is not allowed: only XPath 1.0 and XSLT 1.0 functions are");
            }
        }

        private void problem(String reason) {
            problems.add(reason + (locator == null ? "" : " (line " + locator.getLineNumber() + ")"));
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

}

package io.invoiceflow.documents.pdf;

import io.invoiceflow.documents.Document;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.XMLReader;

/** An {@link XMLReader} that "parses" a document by emitting its {@link TemplateInput} events: no text, no parser. */
final class TemplateInputReader implements XMLReader {
    private final Document document;
    private final Customisation customisation;
    private final String layout;
    private ContentHandler handler;
    private ErrorHandler errorHandler;

    TemplateInputReader(Document document, Customisation customisation, String layout) {
        this.document = document;
        this.customisation = customisation;
        this.layout = layout;
    }

    @Override
    public void parse(InputSource input) throws SAXException {
        TemplateInput.write(document, customisation, layout, handler);
    }

    @Override
    public void parse(String systemId) throws SAXException {
        parse((InputSource) null);
    }

    @Override
    public boolean getFeature(String name) throws SAXNotRecognizedException {
        if ("http://xml.org/sax/features/namespaces".equals(name)) {
            return true;
        }
        if ("http://xml.org/sax/features/namespace-prefixes".equals(name)) {
            return false;
        }
        throw new SAXNotRecognizedException(name);
    }

    @Override
    public void setFeature(String name, boolean value) throws SAXNotRecognizedException {
        if (!name.equals("http://xml.org/sax/features/namespaces") && !name.equals("http://xml.org/sax/features/namespace-prefixes")) {
            throw new SAXNotRecognizedException(name);
        }
    }

    @Override
    public Object getProperty(String name) throws SAXNotRecognizedException {
        throw new SAXNotRecognizedException(name);
    }

    @Override
    public void setProperty(String name, Object value) throws SAXNotRecognizedException {
        throw new SAXNotRecognizedException(name);
    }

    @Override
    public void setEntityResolver(EntityResolver resolver) {
        // no entities
    }

    @Override
    public EntityResolver getEntityResolver() {
        return null;
    }

    @Override
    public void setDTDHandler(DTDHandler dtdHandler) {
        // no DTD
    }

    @Override
    public DTDHandler getDTDHandler() {
        return null;
    }

    @Override
    public void setContentHandler(ContentHandler handler) {
        this.handler = handler;
    }

    @Override
    public ContentHandler getContentHandler() {
        return handler;
    }

    @Override
    public void setErrorHandler(ErrorHandler handler) {
        this.errorHandler = handler;
    }

    @Override
    public ErrorHandler getErrorHandler() {
        return errorHandler;
    }
}

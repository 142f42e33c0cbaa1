package io.invoiceflow.documents.pdf;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Stops a template that produces absurd amounts of XSL-FO before FOP lays it out: at most
 * {@link #MAX_ELEMENTS} elements per document (a 1,000-line invoice needs about 25,000).
 */
final class FoLimits extends XMLFilterImpl {
    static final int MAX_ELEMENTS = 400_000;
    private int elements;

    FoLimits(ContentHandler next) {
        setContentHandler(next);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (++elements > MAX_ELEMENTS) {
            throw new SAXException("the template produced more than " + MAX_ELEMENTS + " XSL-FO elements");
        }
        super.startElement(uri, localName, qName, atts);
    }
}

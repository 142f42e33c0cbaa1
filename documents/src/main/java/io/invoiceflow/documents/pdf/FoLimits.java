package io.invoiceflow.documents.pdf;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops a tenant's XSL-FO before FOP reads it when it is absurdly large or names a {@code data:} address: at most
 * {@link #MAX_ELEMENTS} elements (a 1,000-line invoice needs about 17,000). FOP and Batik read {@code data:} addresses
 * themselves, never asking {@link ResourceAccess}, so they are refused here, in any attribute or processing
 * instruction, whatever the case.
 */
final class FoLimits extends XMLFilterImpl {
    static final int MAX_ELEMENTS = 400_000;
    private static final Pattern DATA_URI = Pattern.compile("(?i)\\bdata:");
    private int elements;

    FoLimits(ContentHandler next) {
        setContentHandler(next);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        if (++elements > MAX_ELEMENTS) {
            throw new SAXException("the template produced more than " + MAX_ELEMENTS + " XSL-FO elements");
        }
        for (int i = 0; i < atts.getLength(); i++) {
            String value = atts.getValue(i);
            refuseDataUri(value);
        }
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        refuseDataUri(data);
        super.processingInstruction(target, data);
    }

    private static void refuseDataUri(String value) throws SAXException {
        Matcher data = DATA_URI.matcher(value);
        if (data.find()) {
            String address = value.substring(data.start(), Math.min(value.length(), data.start() + 40));
            throw new SAXException(ResourceAccess.refusal(address + (address.length() < 40 ? "" : "...")));
        }
    }
}

package io.invoiceflow.documents.pdf;

import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.XMLFilterImpl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops a tenant's XSL-FO before FOP reads it when it is absurdly large or names a {@code data:} address: at most
 * {@link #MAX_ELEMENTS} elements (a 1,000-line invoice needs about 17,000) and {@link #MAX_CHARACTERS} characters
 * of text and attribute values (that invoice has about 125,000). FOP and Batik read {@code data:} addresses
 * themselves, never asking {@link ResourceAccess}, so they are refused here, in any attribute or processing
 * instruction, whatever the case.
 */
final class FoLimits extends XMLFilterImpl {
    static final int MAX_ELEMENTS = 400_000;
    static final int MAX_CHARACTERS = 1_000_000;
    private static final Pattern DATA_URI = Pattern.compile("(?i)\\bdata:");
    private int elements;
    private long characters;

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
            count(value.length());
            refuseDataUri(value);
        }
        super.startElement(uri, localName, qName, atts);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        count(length);
        super.characters(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
        refuseDataUri(data);
        super.processingInstruction(target, data);
    }

    private void count(int length) throws SAXException {
        characters += length;
        if (characters > MAX_CHARACTERS) {
            throw new SAXException("the template produced more than " + MAX_CHARACTERS + " characters of XSL-FO text");
        }
    }

    private static void refuseDataUri(String value) throws SAXException {
        Matcher data = DATA_URI.matcher(value);
        if (data.find()) {
            String address = value.substring(data.start(), Math.min(value.length(), data.start() + 40));
            throw new SAXException(ResourceAccess.refusal(address + (address.length() < 40 ? "" : "...")));
        }
    }
}

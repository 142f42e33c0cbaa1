package io.invoiceflow.documents.pdf;

import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Formats;
import io.invoiceflow.documents.Labels;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.VatLine;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The template input XML (documented in docs/templates.md): a {@link Document} and a {@link Customisation} as
 * SAX events, raw values in attributes ({@code value}, {@code iso}) and localized text as element content. The
 * renderer streams these events straight into the XSLT transformer; {@link #toXml} gives the same XML as text.
 */
public final class TemplateInput {
    /** Version of the input format; templates can check {@code /document/@version}. */
    public static final String VERSION = "1";
    private static final String CDATA = "CDATA";

    private final ContentHandler out;
    private final Formats formats;

    private TemplateInput(ContentHandler out, Formats formats) {
        this.out = out;
        this.formats = formats;
    }

    /** Writes the whole input document (startDocument to endDocument) to {@code out}. */
    public static void write(Document doc, Customisation customisation, String layout, ContentHandler out)
            throws SAXException {
        new TemplateInput(out, Formats.of(doc.locale())).document(doc, customisation, layout);
    }

    /** The input document as indented XML text (for template authors and tests). */
    public static String toXml(Document doc, Customisation customisation, String layout) {
        try {
            Transformer identity = TransformerFactory.newDefaultInstance().newTransformer();
            identity.setOutputProperty(OutputKeys.INDENT, "yes");
            identity.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            identity.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter text = new StringWriter();
            identity.transform(new SAXSource(new TemplateInputReader(doc, customisation, layout), null),
                    new StreamResult(text));
            return text.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise the template input", e);
        }
    }

    private void document(Document doc, Customisation customisation, String layout) throws SAXException {
        out.startDocument();
        start("document", "version", VERSION, "kind", doc.kind().xmlName(), "draft", String.valueOf(doc.draft()),
                "language", doc.language().code(), "locale", doc.locale().toLanguageTag(),
                "currency", doc.currency().getCurrencyCode(), "layout", layout);
        Map<String, String> labels = Labels.of(doc.language());
        text("title", labels.get(title(doc.kind())));
        text("number", doc.number());
        start("dates");
        date("issue-date", doc.issueDate());
        date("due-date", doc.dueDate());
        end("dates");
        supplier(doc);
        customer(doc);
        if (!doc.contacts().isEmpty()) {
            start("contacts");
            for (Contact c : doc.contacts()) {
                start("contact");
                text("name", c.name());
                text("email", c.email());
                text("phone", c.phone());
                end("contact");
            }
            end("contacts");
        }
        text("po-number", doc.poNumber());
        text("comments", doc.comments());
        text("credited-invoice-number", doc.creditedInvoiceNumber());
        lines(doc);
        totals(doc);
        payment(doc, customisation);
        text("invoice-url", doc.invoiceUrl());
        style(customisation);
        start("labels");
        for (Map.Entry<String, String> label : labels.entrySet()) {
            start("label", "key", label.getKey());
            chars(label.getValue());
            end("label");
        }
        end("labels");
        end("document");
        out.endDocument();
    }

    static String title(DocumentKind kind) {
        return switch (kind) {
            case INVOICE -> "invoice";
            case CREDIT_NOTE -> "credit-note";
            case ORDER -> "order";
        };
    }

    private void supplier(Document doc) throws SAXException {
        var s = doc.supplier();
        start("supplier");
        text("name", s.name());
        if (s.organisationNumber() != null) {
            start("organisation-number", "display", organisationNumber(s.organisationNumber()));
            chars(s.organisationNumber());
            end("organisation-number");
        }
        address(s.address());
        text("email", s.email());
        text("phone", s.phone());
        text("department", s.department());
        end("supplier");
    }

    private void customer(Document doc) throws SAXException {
        var c = doc.customer();
        start("customer");
        text("number", c.customerNumber() == null ? null : c.customerNumber().value());
        text("name", c.name());
        text("organisation-number", c.organisationNumber());
        text("email", c.email());
        address(c.billingAddress());
        end("customer");
    }

    private void address(Address a) throws SAXException {
        if (a == null) {
            return;
        }
        start("address");
        text("street", a.street());
        text("postal-code", a.postalCode());
        text("city", a.city());
        text("country", a.country());
        end("address");
    }

    private void lines(Document doc) throws SAXException {
        start("lines", "count", String.valueOf(doc.lines().size()));
        for (Line line : doc.lines()) {
            start("line", "no", String.valueOf(line.lineNo()));
            text("product-code", line.productCode() == null ? null : line.productCode().value());
            text("description", line.description());
            decimal("quantity", line.quantity(), formats.quantity(line.quantity()));
            text("unit", line.unit());
            decimal("unit-price", line.unitPrice(), formats.unitPrice(line.unitPrice(), doc.currency()));
            if (line.discount() != null && line.discount().value() != null && line.discount().value().signum() != 0) {
                boolean percent = line.discount().type() == io.invoiceflow.events.shared.Discount.Type.PERCENT;
                start("discount", "type", percent ? "percent" : "amount", "value", line.discount().value().toPlainString());
                chars(percent ? formats.percent(line.discount().value()) : formats.quantity(line.discount().value()));
                end("discount");
            }
            decimal("vat-rate", line.vatRate(), formats.percent(line.vatRate()));
            decimal("net-amount", line.netAmount(), formats.amount(line.netAmount()));
            end("line");
        }
        end("lines");
    }

    private void totals(Document doc) throws SAXException {
        var t = doc.totals();
        start("totals");
        decimal("net-amount", t.netAmount(), formats.amount(t.netAmount()));
        decimal("vat-amount", t.vatAmount(), formats.amount(t.vatAmount()));
        decimal("gross-amount", t.grossAmount(), formats.amount(t.grossAmount()));
        for (VatLine v : t.vat()) {
            start("vat", "rate", v.rate().toPlainString());
            text("rate", formats.percent(v.rate()));
            decimal("net-amount", v.netAmount(), formats.amount(v.netAmount()));
            decimal("vat-amount", v.vatAmount(), formats.amount(v.vatAmount()));
            decimal("gross-amount", v.grossAmount(), formats.amount(v.grossAmount()));
            end("vat");
        }
        end("totals");
    }

    private void payment(Document doc, Customisation customisation) throws SAXException {
        var s = doc.supplier();
        start("payment");
        decimal("amount-due", doc.totals().grossAmount(), formats.amount(doc.totals().grossAmount()));
        text("kid", doc.kid());
        if (s.bankAccount() != null) {
            start("bank-account", "display", bankAccount(s.bankAccount()));
            chars(s.bankAccount());
            end("bank-account");
        }
        text("iban", s.iban());
        text("bic", s.bic());
        text("note", customisation.paymentNote());
        end("payment");
    }

    private void style(Customisation c) throws SAXException {
        start("style");
        text("primary-color", c.primaryColor());
        text("accent-color", c.accentColor());
        if (c.logo() != null) {
            start("logo", "src", c.logo().uri(), "media-type", c.logo().mediaType(),
                    "width-px", String.valueOf(c.logo().width()), "height-px", String.valueOf(c.logo().height()));
            end("logo");
        }
        text("footer", c.footerText());
        end("style");
    }

    /** 923609016 -> 923 609 016 (Norwegian style); other numbers as given. */
    static String organisationNumber(String number) {
        if (number.length() == 9 && number.chars().allMatch(Character::isDigit)) {
            return number.substring(0, 3) + ' ' + number.substring(3, 6) + ' ' + number.substring(6);
        }
        return number;
    }

    /** 86011117947 -> 8601.11.17947 (Norwegian style); other accounts as given. */
    static String bankAccount(String account) {
        if (account.length() == 11 && account.chars().allMatch(Character::isDigit)) {
            return account.substring(0, 4) + '.' + account.substring(4, 6) + '.' + account.substring(6);
        }
        return account;
    }

    private void date(String name, LocalDate date) throws SAXException {
        if (date != null) {
            start(name, "iso", date.toString());
            chars(formats.date(date));
            end(name);
        }
    }

    private void decimal(String name, BigDecimal value, String display) throws SAXException {
        if (value != null) {
            start(name, "value", value.toPlainString());
            chars(display);
            end(name);
        }
    }

    private void text(String name, String value) throws SAXException {
        if (value != null && !value.isEmpty()) {
            start(name);
            chars(value);
            end(name);
        }
    }

    private void start(String name, String... attributes) throws SAXException {
        AttributesImpl atts = new AttributesImpl();
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                atts.addAttribute("", attributes[i], attributes[i], CDATA, xmlSafe(attributes[i + 1]));
            }
        }
        out.startElement("", name, name, atts);
    }

    private void end(String name) throws SAXException {
        out.endElement("", name, name);
    }

    private void chars(String value) throws SAXException {
        char[] chars = xmlSafe(value).toCharArray();
        out.characters(chars, 0, chars.length);
    }

    /** Drops characters XML 1.0 cannot carry (control characters other than tab, line feed, carriage return). */
    static String xmlSafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                StringBuilder clean = new StringBuilder(value.length());
                value.chars().filter(ch -> !(ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' || ch == 0xFFFE || ch == 0xFFFF))
                        .forEach(ch -> clean.append((char) ch));
                return clean.toString();
            }
        }
        return value;
    }
}

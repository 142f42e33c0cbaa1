package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoiceflow.documents.testing.Logos;
import io.invoiceflow.documents.testing.Stylesheets;

import java.util.Base64;

/** Distribution settings request bodies as a client writes them. */
final class SettingsBodies {
    static final String PAYMENT = """
            {"email": "regnskap@fjordkraft.example", "phone": "+47 55 12 34 56", "department": "Økonomiavdelingen",
             "bankAccount": "8601.11.17947", "iban": "no93 8601 1117 947", "bic": "dnbanokk",
             "kid": {"algorithm": "MOD10", "customerDigits": 0, "sequenceDigits": 9}}""";

    static final String LAYOUTS = """
            {"invoice": "modern", "creditNote": "classic", "order": "compact"}""";

    static final String STANDARD_TEMPLATE = """
            {"baseLayout": "modern", "primaryColor": "#0b3d91", "accentColor": "#E8EEF8",
             "footerText": "Fjordkraft Regnskap AS, Strandgata 1, 5013 Bergen", "paymentNote": "Merk betalingen med KID."}""";

    /** A stylesheet that writes a marker line, so a PDF shows it was rendered with this template. */
    static final String XSLT = Stylesheets.a4("""
            <fo:block>Rendered by the Fjordkraft house template</fo:block>
            <xsl:if test="style/logo">
              <fo:block><fo:external-graphic src="{style/logo/@src}" content-width="40mm"/></fo:block>
            </xsl:if>
            <fo:block font-size="18pt"><xsl:value-of select="title"/> <xsl:value-of select="number"/></fo:block>
            <fo:block><xsl:value-of select="customer/name"/></fo:block>
            <fo:block><xsl:value-of select="totals/gross-amount"/></fo:block>
            """);

    static final String EMAIL_TEMPLATE = """
            {"name": "Svenska kunder", "subject": "Faktura {Number} från {Supplier.Name}",
             "body": "Hej {Customer.Name}!\\n\\nHär kommer faktura {Number} på {Total} {Currency}, förfaller {DueDate}.\\n\\nMed vänlig hälsning\\n{Supplier.Name}"}""";

    /** An account on a documentation address (TEST-NET-1, RFC 5737): public, so allowed, and never connected to here. */
    static final String SENDER_ACCOUNT = """
            {"accountName": "Faktura-mail", "displayName": "Fakturaavdelingen", "fromAddress": "faktura@fjordkraft.example",
             "user": "faktura@fjordkraft.example", "password": "app-password-7Kq2", "host": "192.0.2.25", "port": 587,
             "encryption": "STARTTLS"}""";

    private SettingsBodies() {
    }

    /** A custom template: {@link #XSLT} with a logo. */
    static String customTemplate() {
        ObjectNode body = Bodies.API_JSON.createObjectNode().put("xslt", XSLT).put("logo", logoBase64());
        return body.toString();
    }

    /** A 160 x 48 PNG, base64. */
    static String logoBase64() {
        return Base64.getEncoder().encodeToString(Logos.png(160, 48));
    }
}

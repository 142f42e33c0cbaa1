package io.invoiceflow.app.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    static final String XSLT = """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                            xmlns:fo="http://www.w3.org/1999/XSL/Format">
              <xsl:template match="/document">
                <fo:root font-family="DejaVu Sans" font-size="10pt">
                  <fo:layout-master-set>
                    <fo:simple-page-master master-name="a4" page-height="297mm" page-width="210mm" margin="20mm">
                      <fo:region-body/>
                    </fo:simple-page-master>
                  </fo:layout-master-set>
                  <fo:page-sequence master-reference="a4">
                    <fo:flow flow-name="xsl-region-body">
                      <fo:block>Rendered by the Fjordkraft house template</fo:block>
                      <xsl:if test="style/logo">
                        <fo:block><fo:external-graphic src="{style/logo/@src}" content-width="40mm"/></fo:block>
                      </xsl:if>
                      <fo:block font-size="18pt"><xsl:value-of select="title"/> <xsl:value-of select="number"/></fo:block>
                      <fo:block><xsl:value-of select="customer/name"/></fo:block>
                      <fo:block><xsl:value-of select="totals/gross-amount"/></fo:block>
                    </fo:flow>
                  </fo:page-sequence>
                </fo:root>
              </xsl:template>
            </xsl:stylesheet>
            """;

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
        BufferedImage image = new BufferedImage(160, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0B, 0x3D, 0x91));
        g.fillRect(0, 0, 160, 48);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}

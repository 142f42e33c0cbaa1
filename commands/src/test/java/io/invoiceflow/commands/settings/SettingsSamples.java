package io.invoiceflow.commands.settings;

import io.invoiceflow.events.settings.KidAlgorithm;
import io.invoiceflow.events.settings.KidScheme;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.settings.SenderAccount;
import io.invoiceflow.events.settings.SmtpEncryption;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Sample settings for the settings tests. */
final class SettingsSamples {
    /** The minimal stylesheet of docs/templates.md, shortened: a title, the customer and the total. */
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
                      <fo:block font-size="18pt"><xsl:value-of select="title"/> <xsl:value-of select="number"/></fo:block>
                      <fo:block><xsl:value-of select="customer/name"/></fo:block>
                      <fo:block><xsl:value-of select="totals/gross-amount"/></fo:block>
                    </fo:flow>
                  </fo:page-sequence>
                </fo:root>
              </xsl:template>
            </xsl:stylesheet>
            """;

    private SettingsSamples() {
    }

    static PaymentSettings payment() {
        return new PaymentSettings("regnskap@fjordkraft.example", "+47 55 12 34 56", "Økonomiavdelingen",
                "8601.11.17947", "no93 8601 1117 947", "dnbanokk", new KidScheme(KidAlgorithm.MOD10, 0, 9));
    }

    static SenderAccount account(String user) {
        return new SenderAccount("Faktura-mail", "Fakturaavdelingen", "faktura@fjordkraft.example", user,
                "smtp.fjordkraft.example", 587, SmtpEncryption.STARTTLS);
    }

    /** A real PNG of {@code width} x {@code height} pixels. */
    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x0B, 0x3D, 0x91));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

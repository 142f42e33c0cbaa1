package io.invoiceflow.commands.settings;

import io.invoiceflow.documents.testing.Stylesheets;
import io.invoiceflow.events.settings.KidAlgorithm;
import io.invoiceflow.events.settings.KidScheme;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.settings.SenderAccount;
import io.invoiceflow.events.settings.SmtpEncryption;

/** Sample settings for the settings tests. */
final class SettingsSamples {
    /** The minimal stylesheet of docs/templates.md, shortened: a title, the customer and the total. */
    static final String XSLT = Stylesheets.a4("""
            <fo:block font-size="18pt"><xsl:value-of select="title"/> <xsl:value-of select="number"/></fo:block>
            <fo:block><xsl:value-of select="customer/name"/></fo:block>
            <fo:block><xsl:value-of select="totals/gross-amount"/></fo:block>
            """);

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
}

package io.invoiceflow.commands.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.commands.shared.WriteSideSupport;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Kid;
import io.invoiceflow.documents.email.EmailTemplate;
import io.invoiceflow.documents.pdf.Layout;
import io.invoiceflow.documents.pdf.Template;
import io.invoiceflow.documents.testing.Logos;
import io.invoiceflow.events.EventJson;
import io.invoiceflow.events.settings.ChangeDefaultLayouts;
import io.invoiceflow.events.settings.ChangePaymentSettings;
import io.invoiceflow.events.settings.DefaultLayouts;
import io.invoiceflow.events.settings.DistributionSettingsCommand;
import io.invoiceflow.events.settings.DocumentType;
import io.invoiceflow.events.settings.RemoveSenderAccount;
import io.invoiceflow.events.settings.SaveDocumentTemplate;
import io.invoiceflow.events.settings.SaveEmailTemplate;
import io.invoiceflow.events.settings.SetCustomerLayout;
import io.invoiceflow.events.settings.SetSenderAccount;
import io.invoiceflow.events.settings.TemplateName;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.DeactivateInvoicing;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings tables are written in the command's transaction, and the distribution's query reads what the last
 * command left: the customer's rule or the default, the template with its stored content, the texts of the kind, the
 * account with its sealed password; the events carry neither the password nor the content.
 */
class DistributionSettingsDirectoryIT {
    private static final String SEALED = "if1:0a1b2c3d:c2VhbGVkLWZvci10ZXN0cw";
    @RegisterExtension
    static final WriteSideSupport w = WriteSideSupport.perTestClass();

    @Test
    void shouldGiveTheDistributionWhatTheLastCommandsLeft_whenItAsksForATenantsSettings() {
        // given a tenant with invoicing deactivated (settings are not invoicing) that sets everything
        TenantId tenant = w.seedTenant();
        w.send(tenant, new DeactivateInvoicing(tenant, null));
        byte[] logo = Logos.png(200, 60);
        TemplateName branded = new TemplateName("branded");
        w.send(tenant, new ChangePaymentSettings(tenant, SettingsSamples.payment(), null));
        w.send(tenant, new SaveDocumentTemplate(tenant, branded, null, SettingsSamples.XSLT, logo, null, null, null,
                "Merk betalingen med KID.", null));
        w.send(tenant, new ChangeDefaultLayouts(tenant, new DefaultLayouts("modern", "compact", "classic"), null));
        w.send(tenant, new SetCustomerLayout(tenant, NorwegianSamples.BAKERY, "custom:branded", null));
        w.send(tenant, new SaveEmailTemplate(tenant, DocumentType.INVOICE, "sv", "Svenska kunder",
                "Faktura {Number} från {Supplier.Name}", "Hej!", null));
        w.send(tenant, new SaveEmailTemplate(tenant, DocumentType.CREDIT_NOTE, "sv", "Svenska kunder",
                "Kreditfaktura {Number}", "Hej!", null));
        w.send(tenant, new SetSenderAccount(tenant, SettingsSamples.account("faktura@fjordkraft.example"), SEALED, null));
        TenantDistributionSettings query = w.writeSide().distributionSettings();

        // when
        TenantDistributionSettings.ForSending bakery = query.forSending(tenant, NorwegianSamples.BAKERY, DocumentKind.INVOICE);
        TenantDistributionSettings.ForSending tech = query.forSending(tenant, NorwegianSamples.TECH, DocumentKind.INVOICE);
        TenantDistributionSettings.ForSending order = query.forSending(tenant, NorwegianSamples.BAKERY, DocumentKind.ORDER);

        // then the bakery's rule wins for its invoice; others get the default; orders never follow the rule
        assertThat(bakery.layout()).isEqualTo("custom:branded");
        assertThat(bakery.template()).isInstanceOfSatisfying(Template.Custom.class, t -> {
            assertThat(t.xslt()).isEqualTo(SettingsSamples.XSLT);
            assertThat(t.customisation().logo().bytes()).isEqualTo(logo);
            assertThat(t.customisation().paymentNote()).isEqualTo("Merk betalingen med KID.");
        });
        assertThat(tech.layout()).isEqualTo("modern");
        assertThat(tech.template()).isEqualTo(Template.standard(Layout.MODERN));
        assertThat(order.layout()).isEqualTo("classic");
        // and the payment settings, the invoice texts by language, the account with its sealed password
        assertThat(bakery.supplier().bankAccount()).isEqualTo("86011117947");
        assertThat(bakery.supplier().kid()).isEqualTo(Kid.Scheme.DEFAULT);
        assertThat(bakery.emailTemplates()).containsOnlyKeys("sv")
                .containsEntry("sv", new EmailTemplate("Faktura {Number} från {Supplier.Name}", "Hej!"));
        assertThat(bakery.senderAccount()).hasValueSatisfying(a -> {
            assertThat(a.account()).isEqualTo(SettingsSamples.account("faktura@fjordkraft.example"));
            assertThat(a.sealedPassword()).isEqualTo(SEALED);
            assertThat(a.toString()).doesNotContain(SEALED);
        });
        // and the tables say the same
        assertThat(w.writeSide().settingsDirectory().settings(tenant)).hasValueSatisfying(s -> {
            assertThat(s.version()).isEqualTo(6);
            assertThat(s.state().templates()).containsOnlyKeys("branded");
        });
        assertThat(w.writeSide().settingsDirectory().customerLayouts(tenant))
                .containsExactly(new SettingsDirectory.CustomerLayout(NorwegianSamples.BAKERY, "custom:branded"));
        // and no event carries the password or the content
        String events = eventsJson(tenant);
        assertThat(events).contains("branded").doesNotContain(SEALED)
                .doesNotContain("xsl:stylesheet").doesNotContain(Base64.getEncoder().encodeToString(logo).substring(0, 40));
    }

    @Test
    void shouldUseTheDefaultsAndTheNotificationEmail_whenATenantHasNoSettings() {
        // given
        TenantId tenant = w.seedTenant();

        // when
        TenantDistributionSettings.ForSending settings = w.writeSide().distributionSettings()
                .forSending(tenant, NorwegianSamples.BAKERY, DocumentKind.INVOICE);

        // then
        assertThat(settings.layout()).isEqualTo("classic");
        assertThat(settings.template()).isEqualTo(Template.standard(Layout.CLASSIC));
        assertThat(settings.supplier().email()).isEqualTo("faktura@fjordkraft.example");
        assertThat(settings.supplier().bankAccount()).isNull();
        assertThat(settings.emailTemplates()).isEmpty();
        assertThat(settings.senderAccount()).isEmpty();
        assertThat(w.writeSide().settingsDirectory().settings(tenant)).isEmpty();
    }

    @Test
    void shouldEraseTheStoredPassword_whenTheAccountIsRemovedOrLosesItsUser() {
        // given
        TenantId tenant = w.seedTenant();
        SettingsDirectory directory = w.writeSide().settingsDirectory();
        w.send(tenant, new SetSenderAccount(tenant, SettingsSamples.account("faktura@fjordkraft.example"), SEALED, null));
        assertThat(directory.sealedPassword(tenant)).hasValue(SEALED);

        // when the account no longer has a user
        w.send(tenant, new SetSenderAccount(tenant, SettingsSamples.account(null), null, null));

        // then
        assertThat(directory.sealedPassword(tenant)).isEmpty();
        assertThat(w.writeSide().distributionSettings().senderAccount(tenant)).hasValueSatisfying(a ->
                assertThat(a.sealedPassword()).isNull());

        // when it is removed
        w.send(tenant, new RemoveSenderAccount(tenant, null));

        // then
        assertThat(w.writeSide().distributionSettings().senderAccount(tenant)).isEmpty();
        assertThat(w.writeSide().distributionSettings().forSending(tenant, NorwegianSamples.BAKERY,
                DocumentKind.INVOICE).senderAccount()).isEmpty();
    }

    @Test
    void shouldNotSeeAnotherTenantsSettings_whenTwoTenantsHaveThem() {
        // given
        TenantId one = w.seedTenant();
        TenantId other = w.seedTenant();
        w.send(one, new ChangeDefaultLayouts(one, new DefaultLayouts("compact", "compact", "compact"), null));
        w.send(one, new SetCustomerLayout(one, NorwegianSamples.BAKERY, "modern", null));

        // when
        TenantDistributionSettings.ForSending settings = w.writeSide().distributionSettings()
                .forSending(other, NorwegianSamples.BAKERY, DocumentKind.INVOICE);

        // then
        assertThat(settings.layout()).isEqualTo("classic");
        assertThat(w.writeSide().settingsDirectory().customerLayouts(other)).isEmpty();
    }

    private static String eventsJson(TenantId tenant) {
        ObjectMapper json = EventJson.mapper();
        StringBuilder all = new StringBuilder();
        for (DomainEventMessage<?> e : w.events(DistributionSettingsCommand.aggregateId(tenant))) {
            try {
                all.append(json.writeValueAsString(e.getPayload())).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        assertThat(all.toString().getBytes(StandardCharsets.UTF_8).length).isLessThan(10_000);
        return all.toString();
    }
}

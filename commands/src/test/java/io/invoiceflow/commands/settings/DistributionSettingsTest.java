package io.invoiceflow.commands.settings;

import io.invoiceflow.commands.directory.DirectoryFixtures;
import io.invoiceflow.commands.shared.FixtureSupport;
import io.invoiceflow.commands.shared.NorwegianSamples;
import io.invoiceflow.commands.store.Dialect;
import io.invoiceflow.documents.testing.Logos;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.settings.ChangeDefaultLayouts;
import io.invoiceflow.events.settings.ChangePaymentSettings;
import io.invoiceflow.events.settings.ContentRef;
import io.invoiceflow.events.settings.CustomerLayoutRemoved;
import io.invoiceflow.events.settings.CustomerLayoutSet;
import io.invoiceflow.events.settings.DefaultLayouts;
import io.invoiceflow.events.settings.DefaultLayoutsChanged;
import io.invoiceflow.events.settings.DocumentTemplate;
import io.invoiceflow.events.settings.DocumentTemplateRemoved;
import io.invoiceflow.events.settings.DocumentTemplateSaved;
import io.invoiceflow.events.settings.DocumentType;
import io.invoiceflow.events.settings.EmailTemplateRemoved;
import io.invoiceflow.events.settings.EmailTemplateSaved;
import io.invoiceflow.events.settings.KidAlgorithm;
import io.invoiceflow.events.settings.KidScheme;
import io.invoiceflow.events.settings.PaymentSettings;
import io.invoiceflow.events.settings.PaymentSettingsChanged;
import io.invoiceflow.events.settings.RemoveCustomerLayout;
import io.invoiceflow.events.settings.RemoveDocumentTemplate;
import io.invoiceflow.events.settings.RemoveEmailTemplate;
import io.invoiceflow.events.settings.RemoveSenderAccount;
import io.invoiceflow.events.settings.SaveDocumentTemplate;
import io.invoiceflow.events.settings.SaveEmailTemplate;
import io.invoiceflow.events.settings.SenderAccount;
import io.invoiceflow.events.settings.SenderAccountRemoved;
import io.invoiceflow.events.settings.SenderAccountSet;
import io.invoiceflow.events.settings.SetCustomerLayout;
import io.invoiceflow.events.settings.SetSenderAccount;
import io.invoiceflow.events.settings.SmtpEncryption;
import io.invoiceflow.events.settings.TemplateKind;
import io.invoiceflow.events.settings.TemplateName;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static io.invoiceflow.commands.shared.DomainErrorMatcher.domainError;
import static io.invoiceflow.commands.shared.FixtureSupport.onlyEvent;
import static org.assertj.core.api.Assertions.assertThat;

/** A tenant's distribution settings (H7, S2-S6) as one aggregate. */
class DistributionSettingsTest {
    private static final TemplateName BRANDED = new TemplateName("branded");
    private static final String SEALED = "if1:0a1b2c3d:c2VhbGVkLWZvci10ZXN0cw";

    private DirectoryFixtures db;
    private SettingsDirectory settings;
    private TenantId tenant;
    private AggregateTestFixture<DistributionSettings> fixture;

    @BeforeEach
    void setUp() {
        db = DirectoryFixtures.inMemory();
        tenant = NorwegianSamples.seed(db);
        settings = new SettingsDirectory(db.transactions(), Dialect.H2);
        fixture = FixtureSupport.fixture(DistributionSettings.class, db);
        fixture.registerInjectableResource(settings);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private DocumentTemplateSaved brandedSaved() {
        return new DocumentTemplateSaved(tenant, BRANDED, new DocumentTemplate(TemplateKind.STANDARD, "modern", null,
                null, "#0B3D91", null, null, null));
    }

    // ---- H7

    @Test
    void shouldCreateTheSettingsWithNormalisedValues_whenTheFirstPaymentSettingsArrive() {
        // given no settings yet / when
        fixture.givenNoPriorActivity()
                .when(new ChangePaymentSettings(tenant, SettingsSamples.payment(), null))
                // then: one event, bank account, IBAN and BIC without spaces and in upper case
                .expectEvents(new PaymentSettingsChanged(tenant, new PaymentSettings("regnskap@fjordkraft.example",
                        "+47 55 12 34 56", "Økonomiavdelingen", "86011117947", "NO9386011117947", "DNBANOKK",
                        new KidScheme(KidAlgorithm.MOD10, 0, 9))));
    }

    @Test
    void shouldRefuseEveryBrokenField_whenThePaymentSettingsAreWrongForTheCountry() {
        // given a Norwegian tenant; when the bank account's check digit, the IBAN and the KID scheme are wrong
        PaymentSettings wrong = new PaymentSettings("not an email", null, null, "8601.11.17948", "NO9386011117948",
                null, new KidScheme(KidAlgorithm.MOD11, 10, 18));
        fixture.givenNoPriorActivity()
                .when(new ChangePaymentSettings(tenant, wrong, null))
                // then
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("email", "format")
                        .withViolation("bankAccount", "mod11").withViolation("iban", "mod97")
                        .withViolation("kid", "max-length").andNoOtherViolation());
    }

    @Test
    void shouldRecordNothing_whenTheSamePaymentSettingsAreSavedAgain() {
        // given
        fixture.given(new PaymentSettingsChanged(tenant, new PaymentSettings("regnskap@fjordkraft.example",
                        "+47 55 12 34 56", "Økonomiavdelingen", "86011117947", "NO9386011117947", "DNBANOKK",
                        KidScheme.DEFAULT)))
                // when the same, as the user typed it
                .when(new ChangePaymentSettings(tenant, SettingsSamples.payment(), 0L))
                // then
                .expectNoEvents();
    }

    @Test
    void shouldRefuse_whenTheTenantDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new ChangePaymentSettings(TenantId.random(), SettingsSamples.payment(), null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void shouldRefuse_whenTheVersionIsStale() {
        fixture.given(new DefaultLayoutsChanged(tenant, DefaultLayouts.STANDARD))
                .when(new ChangePaymentSettings(tenant, SettingsSamples.payment(), 3L))
                .expectException(domainError(ErrorCode.STALE_VERSION));
    }

    // ---- S2

    @Test
    void shouldChooseATemplateAsDefault_whenItExists() {
        fixture.given(brandedSaved())
                .when(new ChangeDefaultLayouts(tenant, new DefaultLayouts("custom:branded", "modern", "compact"), 0L))
                .expectEvents(new DefaultLayoutsChanged(tenant, new DefaultLayouts("custom:branded", "modern", "compact")));
    }

    @Test
    void shouldRefuseTheLayouts_whenOneIsUnknownOrNamesNoTemplate() {
        fixture.givenNoPriorActivity()
                .when(new ChangeDefaultLayouts(tenant, new DefaultLayouts("fancy", "classic", null), null))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("invoice", "layout")
                        .withViolation("order", "required").andNoOtherViolation());
        fixture.givenNoPriorActivity()
                .when(new ChangeDefaultLayouts(tenant, new DefaultLayouts("classic", "custom:branded", "classic"), null))
                .expectException(domainError(ErrorCode.UNKNOWN_REFERENCE).withViolation("creditNote", "exists"));
    }

    @Test
    void shouldSetAndRemoveACustomerRule_whenTheCustomerExists() {
        fixture.given(brandedSaved())
                .when(new SetCustomerLayout(tenant, NorwegianSamples.BAKERY, "custom:branded", null))
                .expectEvents(new CustomerLayoutSet(tenant, NorwegianSamples.BAKERY, "custom:branded"));
        fixture.given(brandedSaved(), new CustomerLayoutSet(tenant, NorwegianSamples.BAKERY, "custom:branded"))
                .when(new RemoveCustomerLayout(tenant, NorwegianSamples.BAKERY, null))
                .expectEvents(new CustomerLayoutRemoved(tenant, NorwegianSamples.BAKERY));
    }

    @Test
    void shouldRefuseACustomerRule_whenTheCustomerOrTheRuleDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new SetCustomerLayout(tenant, new CustomerNumber("99999"), "modern", null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
        fixture.givenNoPriorActivity()
                .when(new RemoveCustomerLayout(tenant, NorwegianSamples.BAKERY, null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    // ---- S3

    @Test
    void shouldStoreTheLogoAndStylesheetAndRecordTheirHashes_whenACustomTemplateIsSaved() {
        // given
        byte[] logo = Logos.png(120, 40);

        // when
        fixture.givenNoPriorActivity()
                .when(new SaveDocumentTemplate(tenant, BRANDED, null, SettingsSamples.XSLT, logo, "#0b3d91", "#e8eef8",
                        "Fjordkraft Regnskap AS", "Merk betalingen med KID.", null))
                // then the event names the content by hash; the bytes are in the content store
                .expectEventsMatching(onlyEvent(DocumentTemplateSaved.class, e -> {
                    DocumentTemplate t = e.template();
                    assertThat(t.kind()).isEqualTo(TemplateKind.CUSTOM);
                    assertThat(t.baseLayout()).isNull();
                    assertThat(t.xslt()).isEqualTo(new ContentRef(sha256(SettingsSamples.XSLT.getBytes(
                            StandardCharsets.UTF_8)), "application/xslt+xml",
                            SettingsSamples.XSLT.getBytes(StandardCharsets.UTF_8).length));
                    assertThat(t.logo()).isEqualTo(new ContentRef(sha256(logo), "image/png", logo.length));
                    assertThat(t.primaryColor()).isEqualTo("#0B3D91");
                    assertThat(settings.content(t.logo().sha256())).hasValue(logo);
                    assertThat(settings.content(t.xslt().sha256())).get()
                            .extracting(b -> new String(b, StandardCharsets.UTF_8)).isEqualTo(SettingsSamples.XSLT);
                }));
    }

    @Test
    void shouldRefuseTheTemplate_whenItsPartsContradictOrBreakTheirRules() {
        fixture.givenNoPriorActivity()
                .when(new SaveDocumentTemplate(tenant, BRANDED, "modern", SettingsSamples.XSLT, null, null, null, null,
                        null, null))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("baseLayout", "exclusive"));
        fixture.givenNoPriorActivity()
                .when(new SaveDocumentTemplate(tenant, BRANDED, null, null, "GIF89a-not-an-image".getBytes(
                        StandardCharsets.US_ASCII), "blue", null, "x".repeat(501), null, null))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("baseLayout", "required")
                        .withViolation("logo", "format").withViolation("primaryColor", "hex-color")
                        .withViolation("footerText", "max-length").andNoOtherViolation());
    }

    @Test
    void shouldRecordNothing_whenTheSameTemplateIsSavedAgain() {
        fixture.given(brandedSaved())
                .when(new SaveDocumentTemplate(tenant, BRANDED, "modern", null, null, "#0b3d91", null, null, null, 0L))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseToRemoveATemplate_whileADefaultOrACustomerRuleUsesIt() {
        fixture.given(brandedSaved(), new CustomerLayoutSet(tenant, NorwegianSamples.BAKERY, "custom:branded"))
                .when(new RemoveDocumentTemplate(tenant, BRANDED, null))
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
        fixture.given(brandedSaved(), new DefaultLayoutsChanged(tenant, new DefaultLayouts("custom:branded", "classic",
                        "classic")))
                .when(new RemoveDocumentTemplate(tenant, BRANDED, null))
                .expectException(domainError(ErrorCode.ILLEGAL_STATE));
        fixture.given(brandedSaved(), new CustomerLayoutSet(tenant, NorwegianSamples.BAKERY, "custom:branded"),
                        new CustomerLayoutRemoved(tenant, NorwegianSamples.BAKERY))
                .when(new RemoveDocumentTemplate(tenant, BRANDED, null))
                .expectEvents(new DocumentTemplateRemoved(tenant, BRANDED));
    }

    // ---- S4

    @Test
    void shouldSaveAnEmailText_whenItsMergeFieldsAreKnown() {
        fixture.givenNoPriorActivity()
                .when(new SaveEmailTemplate(tenant, DocumentType.INVOICE, "sv", " Svenska kunder ",
                        "Faktura {Number} från {Supplier.Name}", "Hej {Customer.Name}!\nAtt betala: {Total}.", null))
                .expectEvents(new EmailTemplateSaved(tenant, DocumentType.INVOICE, "sv", "Svenska kunder",
                        "Faktura {Number} från {Supplier.Name}", "Hej {Customer.Name}!\nAtt betala: {Total}."));
    }

    @Test
    void shouldRefuseAnEmailText_whenAMergeFieldIsUnknownOrTheLanguageIsNoIsoCode() {
        fixture.givenNoPriorActivity()
                .when(new SaveEmailTemplate(tenant, DocumentType.INVOICE, "svenska", "Svenska",
                        "Faktura {Nummer}", "Hej", null))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("language", "iso-639-1")
                        .withViolation("subject", "merge-field").andNoOtherViolation());
        fixture.givenNoPriorActivity()
                .when(new RemoveEmailTemplate(tenant, DocumentType.INVOICE, "sv", null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
        fixture.given(new EmailTemplateSaved(tenant, DocumentType.INVOICE, "sv", "Svenska", "Faktura {Number}", "Hej"))
                .when(new RemoveEmailTemplate(tenant, DocumentType.INVOICE, "sv", 0L))
                .expectEvents(new EmailTemplateRemoved(tenant, DocumentType.INVOICE, "sv"));
    }

    // ---- S6

    @Test
    void shouldStoreTheSealedPasswordOutsideTheEvent_whenAnAccountWithAUserIsSet() {
        fixture.givenNoPriorActivity()
                .when(new SetSenderAccount(tenant, SettingsSamples.account("faktura@fjordkraft.example"), SEALED, null))
                .expectEvents(new SenderAccountSet(tenant, SettingsSamples.account("faktura@fjordkraft.example"), true, true));
        assertThat(settings.sealedPassword(tenant)).hasValue(SEALED);
    }

    @Test
    void shouldRequireAPassword_whenAUserIsGivenAndNoneIsStored() {
        fixture.givenNoPriorActivity()
                .when(new SetSenderAccount(tenant, SettingsSamples.account("faktura@fjordkraft.example"), null, null))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("password", "required"));
        fixture.givenNoPriorActivity()
                .when(new SetSenderAccount(tenant, SettingsSamples.account(null), SEALED, null))
                .expectException(domainError(ErrorCode.INVALID_INPUT).withViolation("password", "requires-user"));
    }

    @Test
    void shouldKeepTheStoredPassword_whenAChangeGivesNone() {
        // given an account with a password
        fixture.given(new SenderAccountSet(tenant, SettingsSamples.account("faktura@fjordkraft.example"), true, true))
                // when its host changes without a new password
                .when(new SetSenderAccount(tenant, new SenderAccount("Faktura-mail", "Fakturaavdelingen",
                        "faktura@fjordkraft.example", "faktura@fjordkraft.example", "smtp2.fjordkraft.example", 465,
                        SmtpEncryption.SSL_TLS), null, 0L))
                // then the password is still set and did not change
                .expectEventsMatching(onlyEvent(SenderAccountSet.class, e -> {
                    assertThat(e.passwordSet()).isTrue();
                    assertThat(e.passwordChanged()).isFalse();
                    assertThat(e.account().host()).isEqualTo("smtp2.fjordkraft.example");
                }));
    }

    @Test
    void shouldEraseThePassword_whenTheAccountIsRemoved() {
        // given a stored password
        settings.storeSealedPassword(tenant, SEALED);

        // when
        fixture.given(new SenderAccountSet(tenant, SettingsSamples.account("faktura@fjordkraft.example"), true, true))
                .when(new RemoveSenderAccount(tenant, null))
                // then
                .expectEvents(new SenderAccountRemoved(tenant, "Faktura-mail"));
        assertThat(settings.sealedPassword(tenant)).isEmpty();
        fixture.givenNoPriorActivity()
                .when(new RemoveSenderAccount(tenant, null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

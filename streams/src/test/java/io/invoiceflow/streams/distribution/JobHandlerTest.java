package io.invoiceflow.streams.distribution;

import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Kid;
import io.invoiceflow.documents.SupplierSettings;
import io.invoiceflow.documents.archive.DirectoryDocumentArchive;
import io.invoiceflow.documents.email.EmailTemplate;
import io.invoiceflow.documents.pdf.Layout;
import io.invoiceflow.documents.pdf.PdfRenderer;
import io.invoiceflow.documents.pdf.Template;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.distribution.RecordDistributionFailed;
import io.invoiceflow.events.distribution.RecordDistributionRendered;
import io.invoiceflow.events.distribution.RecordDistributionSent;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.shared.Totals;
import io.invoiceflow.events.shared.VatLine;
import io.invoiceflow.events.tenant.NumberSeries;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.projections.views.InvoiceView;
import io.invoiceflow.projections.views.OrderView;
import io.invoiceflow.streams.mail.MailError;
import io.invoiceflow.streams.mail.MailSettings;
import io.invoiceflow.streams.mail.Mailer;
import io.invoiceflow.streams.mail.StoredMail;
import io.invoiceflow.streams.testing.TestMails;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker renders and sends with the tenant's settings as the {@link TenantSettings} port gives them, and records
 * what it used; the mail goes to the local mail sink (the embedded default).
 */
class JobHandlerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final TenantId TENANT = new TenantId("3f6c2a1e-8b4d-4e7a-9c21-5d8e0f4a7b13");
    private static final TenantProfile PROFILE = new TenantProfile("Fjordlys Konsult AS", "987654325",
            new Address("Storgata 12", "0155", "Oslo", "NO"), "NOK", "Europe/Oslo", "nb", new NumberSeries("INV-", 1001),
            new NumberSeries("CN-", 1001), "faktura@fjordlys.no");
    private static final SupplierSettings PAYMENT = new SupplierSettings("regnskap@fjordlys.no", null, "Økonomi",
            "86011117947", null, null, Kid.Scheme.DEFAULT);

    private final Recorder recorder = new Recorder();
    private Mailer mailer;
    private JobHandler handler;
    private Supplier<TenantSettings.Resolved> settings;
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void start(@TempDir Path dataDir) {
        mailer = Mailer.start(MailSettings.load(Map.of()), dataDir, Clock.fixed(NOW, ZoneOffset.UTC));
        TenantSettings port = (tenant, customer, kind, layout) -> {
            asked.add(tenant + "/" + customer + "/" + kind + (layout == null ? "" : "/" + layout));
            return settings.get();
        };
        handler = new JobHandler(PdfRenderer.create(Clock.fixed(NOW, ZoneOffset.UTC)),
                new DirectoryDocumentArchive(dataDir.resolve("documents")), mailer, TestMails.TOKENS, recorder, port,
                (tenant, invoice) -> "https://invoiceflow.example/view/" + invoice, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        mailer.close();
    }

    @Test
    void shouldRenderAndWriteWithTheTenantsSettings_whenItHasALayoutAndATextInTheCustomersLanguage() {
        // given a tenant with the modern layout and a Swedish text, and a Swedish customer
        settings = () -> new TenantSettings.Resolved(PAYMENT, Template.standard(Layout.MODERN), "modern",
                Map.of("sv", new EmailTemplate("Faktura {Number} från {Supplier.Name}", "Hej {Customer.Name}!")),
                Optional.empty());

        // when
        handler.handle(job("sv"));

        // then the port was asked for the customer's invoice, and the rendering recorded what was used
        assertThat(asked).containsExactly(TENANT + "/K-1042/INVOICE");
        RecordDistributionRendered rendered = recorder.rendered.get(0);
        assertThat(rendered.layout()).isEqualTo("modern");
        assertThat(rendered.emailTemplate()).isEqualTo("tenant:sv");
        assertThat(rendered.language()).isEqualTo("sv");
        assertThat(rendered.sender()).isEqualTo("system");
        assertThat(recorder.sent).hasSize(1);
        StoredMail mail = mailer.mailbox().orElseThrow().list(10).get(0);
        assertThat(mail.subject()).isEqualTo("Faktura INV-1001 från Fjordlys Konsult AS");
    }

    @Test
    void shouldFallBackToTheBuiltInText_whenTheTenantHasNoneForTheLanguage() {
        // given
        settings = () -> new TenantSettings.Resolved(PAYMENT, Template.standard(Layout.CLASSIC), "classic",
                Map.of("sv", new EmailTemplate("Faktura {Number}", "Hej")), Optional.empty());

        // when a Norwegian customer's invoice is sent
        handler.handle(job("nb"));

        // then
        assertThat(recorder.rendered.get(0).emailTemplate()).isEqualTo("built-in:nb");
        assertThat(mailer.mailbox().orElseThrow().list(10).get(0).subject()).isEqualTo("PDF-faktura fra Fjordlys Konsult AS");
    }

    @Test
    void shouldFailForGoodWithoutSending_whenTheSenderAccountCannotBeUsed() {
        // given
        settings = () -> {
            throw new TenantSettings.SenderAccountUnusable("the password was sealed with another installation key");
        };

        // when
        handler.handle(job("nb"));

        // then
        assertThat(recorder.rendered).isEmpty();
        RecordDistributionFailed failed = recorder.failed.get(0);
        assertThat(failed.errorCode()).isEqualTo(MailError.SENDER_ACCOUNT_UNUSABLE.name());
        assertThat(failed.permanent()).isTrue();
        assertThat(mailer.mailbox().orElseThrow().list(10)).isEmpty();
    }

    @Test
    void shouldFailForGoodWithoutSending_whenTheKidSchemeCannotTakeTheCustomerNumber() {
        // given a KID scheme with the customer number in it, and a customer number with letters
        settings = () -> new TenantSettings.Resolved(new SupplierSettings(null, null, null, null, null, null,
                new Kid.Scheme(Kid.Algorithm.MOD10, 6, 8)), Template.standard(Layout.CLASSIC), "classic", Map.of(),
                Optional.empty());

        // when
        handler.handle(job("nb"));

        // then
        assertThat(recorder.failed).singleElement().satisfies(f -> {
            assertThat(f.errorCode()).isEqualTo("RENDER_FAILED");
            assertThat(f.permanent()).isTrue();
        });
        assertThat(recorder.rendered).isEmpty();
    }

    @Test
    void shouldSendTheOrderConfirmationInThePickedLayout_whenTheJobIsAnOrders() {
        // given the layout the user picked, and no tenant text for orders
        settings = () -> new TenantSettings.Resolved(PAYMENT, Template.standard(Layout.COMPACT), "compact", Map.of(),
                Optional.empty());
        DistributionJob job = orderJob("compact");
        String number = job.order().orderId().substring(0, 8).toUpperCase(java.util.Locale.ROOT);

        // when
        handler.handle(job);

        // then the port was asked for an order in that layout, and the built-in order text went out with the PDF
        assertThat(asked).containsExactly(TENANT + "/K-1042/ORDER/compact");
        RecordDistributionRendered rendered = recorder.rendered.get(0);
        assertThat(rendered.layout()).isEqualTo("compact");
        assertThat(rendered.emailTemplate()).isEqualTo("built-in:nb");
        assertThat(recorder.sent).hasSize(1);
        StoredMail mail = mailer.mailbox().orElseThrow().list(10).get(0);
        assertThat(mail.subject()).isEqualTo("Ordrebekreftelse " + number + " fra Fjordlys Konsult AS");
        String raw = new String(mailer.mailbox().orElseThrow().content(mail.id()).orElseThrow(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw).contains("order-" + number + ".pdf").contains("application/pdf");
    }

    @Test
    void shouldFailForGoodWithoutSending_whenThePickedTemplateWasRemoved() {
        // given a custom layout removed after the request
        settings = () -> {
            throw DomainException.unknownReference("layout", "the tenant has no template gone");
        };

        // when
        handler.handle(orderJob("custom:gone"));

        // then
        assertThat(recorder.rendered).isEmpty();
        assertThat(recorder.failed).singleElement().satisfies(f -> {
            assertThat(f.errorCode()).isEqualTo("RENDER_FAILED");
            assertThat(f.permanent()).isTrue();
        });
        assertThat(mailer.mailbox().orElseThrow().list(10)).isEmpty();
    }

    private static DistributionJob orderJob(String layout) {
        DistributionJob invoiceJob = job("nb");
        InvoiceView i = invoiceJob.invoice();
        OrderView order = new OrderView(UUID.randomUUID().toString(), TENANT.value(), "OPEN", i.customer(),
                i.contacts(), "PO-77", null, "nb", "NOK", i.lines(), i.totals(), null, NOW, "user-1", NOW, "user-1");
        String distribution = UUID.randomUUID().toString();
        return new DistributionJob(DistributionJob.ORDER, distribution + "/1", distribution, TENANT.value(), null, 1,
                List.of("kari@nordvik.example"), List.of(), "nb", PROFILE, null, null, null, null, order, layout);
    }

    private static DistributionJob job(String language) {
        Totals totals = new Totals(new BigDecimal("1000.00"), new BigDecimal("250.00"), new BigDecimal("1250.00"),
                List.of(new VatLine(new BigDecimal("25"), new BigDecimal("1000.00"), new BigDecimal("250.00"),
                        new BigDecimal("1250.00"))));
        List<Contact> contacts = List.of(new Contact("Kari Nordvik", "kari@nordvik.example", null));
        InvoiceView invoice = new InvoiceView(UUID.randomUUID().toString(), TENANT.value(), "FINALIZED", "INV-1001",
                InvoiceOrigin.scratch(), null, new CustomerSnapshot(new CustomerNumber("K-1042"), "Nordvik Bygg AS",
                null, null, new Address("Industriveien 4", "7080", "Heimdal", "NO")), contacts,
                LocalDate.of(2026, 12, 1), PaymentTerms.of(PaymentTerms.Kind.NET_14), LocalDate.of(2026, 12, 15), null,
                null, language, language + "-NO", "NOK", List.of(new Line(1, null, "Rådgivning", new BigDecimal("1"),
                null, new BigDecimal("1000.00"), null, new BigDecimal("25"), new BigDecimal("1000.00"))), totals,
                NOW, null, null, null, List.of(), NOW, "user-1", NOW, "user-1");
        String distribution = UUID.randomUUID().toString();
        return new DistributionJob(DistributionJob.INVOICE, distribution + "/1", distribution, TENANT.value(),
                invoice.invoiceId(), 1, List.of("kari@nordvik.example"), List.of(), language, PROFILE, invoice, 1001L,
                null, null, null, null);
    }

    /** The write side as the worker sees it: every recording accepted. */
    private static final class Recorder implements DistributionRecorder {
        final List<RecordDistributionRendered> rendered = new ArrayList<>();
        final List<RecordDistributionSent> sent = new ArrayList<>();
        final List<RecordDistributionFailed> failed = new ArrayList<>();

        @Override
        public boolean rendered(RecordDistributionRendered command) {
            rendered.add(command);
            return true;
        }

        @Override
        public void sent(RecordDistributionSent command) {
            sent.add(command);
        }

        @Override
        public void failed(RecordDistributionFailed command) {
            failed.add(command);
        }

        @Override
        public void bounced(UUID distributionId, String recipient, String source, String status, String diagnostic) {
            throw new AssertionError("no bounce expected");
        }
    }
}

package io.invoiceflow.streams.distribution;

import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Language;
import io.invoiceflow.documents.SupplierSettings;
import io.invoiceflow.documents.archive.DocumentArchive;
import io.invoiceflow.documents.email.EmailRenderer;
import io.invoiceflow.documents.email.EmailTexts;
import io.invoiceflow.documents.email.Html;
import io.invoiceflow.documents.email.RenderedEmail;
import io.invoiceflow.documents.pdf.PdfRenderer;
import io.invoiceflow.documents.pdf.RenderException;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.RecordDistributionFailed;
import io.invoiceflow.events.distribution.RecordDistributionRendered;
import io.invoiceflow.events.distribution.RecordDistributionSent;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.projections.views.InvoiceView;
import io.invoiceflow.projections.views.OrderView;
import io.invoiceflow.streams.bounce.JobTokens;
import io.invoiceflow.streams.mail.Accepted;
import io.invoiceflow.streams.mail.Attachment;
import io.invoiceflow.streams.mail.MailAddress;
import io.invoiceflow.streams.mail.MailError;
import io.invoiceflow.streams.mail.MailIdentity;
import io.invoiceflow.streams.mail.MailTransport;
import io.invoiceflow.streams.mail.Mailer;
import io.invoiceflow.streams.mail.OutgoingMail;
import io.invoiceflow.streams.mail.PartiallyAccepted;
import io.invoiceflow.streams.mail.PermanentFailure;
import io.invoiceflow.streams.mail.RecipientRejection;
import io.invoiceflow.streams.mail.SendOutcome;
import io.invoiceflow.streams.mail.SmtpAccount;
import io.invoiceflow.streams.mail.SmtpReply;
import io.invoiceflow.streams.mail.TemporaryFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a distribution worker does with one job: render the PDF (archived under its SHA-256) and the
 * email with the tenant's settings ({@link TenantSettings}: layout or template, payment settings,
 * email texts), record the rendering (the write side says whether this attempt may still send), send
 * it through the tenant's own SMTP account or else the system sender, and record the outcome. A
 * crash after the rendering is recorded makes
 * the next worker send the same attempt again, with the same Message-ID: at most that one email is
 * repeated. Temporary failures are retried with backoff ({@link #RETRY_DELAYS}), then given up.
 */
public final class JobHandler {
    private static final Logger LOG = LoggerFactory.getLogger(JobHandler.class);
    /** The delay before attempt n+1 after attempt n failed temporarily; after the last, the distribution fails for good. */
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4));

    private final PdfRenderer renderer;
    private final DocumentArchive archive;
    private final Mailer mailer;
    private final JobTokens tokens;
    private final DistributionRecorder recorder;
    private final TenantSettings settings;
    private final BiFunction<String, String, String> viewUrl;
    private final Clock clock;

    /** @param viewUrl the browser view's address of (tenant id, invoice id) */
    public JobHandler(PdfRenderer renderer, DocumentArchive archive, Mailer mailer, JobTokens tokens,
                      DistributionRecorder recorder, TenantSettings settings, BiFunction<String, String, String> viewUrl,
                      Clock clock) {
        this.renderer = renderer;
        this.archive = archive;
        this.mailer = mailer;
        this.tokens = tokens;
        this.recorder = recorder;
        this.settings = settings;
        this.viewUrl = viewUrl;
        this.clock = clock;
    }

    public void handle(DistributionJob job) {
        if (DistributionJob.UNDELIVERED_NOTICE.equals(job.kind())) {
            sendNotice(job);
        } else if (DistributionJob.DAILY_SUMMARY.equals(job.kind())) {
            sendSummary(job);
        } else if (DistributionJob.ORDER.equals(job.kind())) {
            sendOrder(job);
        } else if (!DistributionJob.INVOICE.equals(job.kind())) {
            LOG.error("Job {} has the unknown kind {}: not handled", job.jobId(), job.kind());
        } else {
            sendInvoice(job);
        }
    }

    private void sendInvoice(DistributionJob job) {
        send(job, DocumentKind.INVOICE, job.invoice().customer().customerNumber(), null,
                // rendered for the finalization time: a repeat after a crash renders the very same bytes
                supplier -> document(job, supplier), job.invoice().finalizedAt(), fileName(job));
    }

    /**
     * An order's confirmation (issue 5, S2), in the layout the user picked or the tenant's order layout, rendered for
     * the order's last change: a repeat renders the very same bytes, and so does the order's PDF download while the
     * order and the settings stay as they were.
     */
    private void sendOrder(DistributionJob job) {
        OrderView order = job.order();
        String number = OrderView.numberOf(order.orderId());
        send(job, DocumentKind.ORDER, order.customer().customerNumber(), job.layout(),
                supplier -> Document.order(job.supplier(), supplier, number,
                        LocalDate.ofInstant(order.createdAt(), ZoneId.of(job.supplier().timeZone())), order.content()),
                order.lastChanged(), "order-" + number + ".pdf");
    }

    private void send(DistributionJob job, DocumentKind kind, CustomerNumber customer, String chosenLayout,
                      Function<SupplierSettings, Document> documentOf, Instant renderedFor, String fileName) {
        DistributionId distribution = new DistributionId(job.distributionId());
        TenantId tenant = new TenantId(job.tenantId());
        TenantSettings.Resolved tenantSettings;
        try {
            tenantSettings = settings.resolve(tenant, customer, kind, chosenLayout);
        } catch (TenantSettings.SenderAccountUnusable e) {
            recorder.failed(new RecordDistributionFailed(distribution, tenant, job.attempt(),
                    MailError.SENDER_ACCOUNT_UNUSABLE.name(), e.getMessage(), true, null));
            return;
        } catch (DomainException e) {
            // the picked template was removed since the request: it cannot be rendered, now or later
            recorder.failed(new RecordDistributionFailed(distribution, tenant, job.attempt(),
                    DistributionError.RENDER_FAILED.name(), e.getMessage(), true, null));
            return;
        }
        Document document;
        byte[] pdf;
        try {
            document = documentOf.apply(tenantSettings.supplier());
            pdf = renderer.render(document, tenantSettings.template(), renderedFor);
        } catch (RenderException | DomainException e) {
            recorder.failed(new RecordDistributionFailed(distribution, tenant, job.attempt(), DistributionError.RENDER_FAILED.name(),
                    e.getMessage(), true, null));
            return;
        }
        String sha256 = archive.store(pdf);
        EmailTexts.Selection text = EmailTexts.select(kind, job.language(),
                job.supplier().defaultLanguage(), tenantSettings.emailTemplates());
        RenderedEmail email = EmailRenderer.render(text.template(), document);
        Optional<SmtpAccount> account = tenantSettings.senderAccount();
        MailAddress from = account.map(a -> MailAddress.of(a.fromAddress(), a.displayName().orElse(job.supplier().name())))
                .orElseGet(() -> sender(job));
        // a tenant's server may refuse an envelope sender of another domain: its bounces go to its From address
        MailIdentity identity = tokens.identity(UUID.fromString(job.distributionId()), from.domain(),
                account.isPresent() ? Optional.empty() : mailer.settings().bounceAddress());
        try {
            recorder.rendered(new RecordDistributionRendered(distribution, tenant, job.attempt(), "EMAIL", job.to(),
                    job.cc(), account.map(SmtpAccount::accountName).orElse("system"), text.language().code(),
                    templateLabel(text, job), tenantSettings.layout(), sha256, pdf.length, identity.messageId()));
        } catch (DomainException e) {
            if (e.code() == ErrorCode.ILLEGAL_STATE || e.code() == ErrorCode.NOT_FOUND) {
                LOG.info("Job {} is not to be sent: {}", job.jobId(), e.getMessage());
                return;
            }
            throw e;
        }
        OutgoingMail mail = new OutgoingMail(identity, from, Optional.empty(),
                job.to().stream().map(MailAddress::of).toList(), job.cc().stream().map(MailAddress::of).toList(),
                email.subject(), email.textBody(), email.htmlBody(),
                List.of(Attachment.pdf(fileName, pdf)));
        MailTransport transport = account.map(mailer::tenant).orElseGet(mailer::system);
        record(job, distribution, tenant, transport.send(mail));
    }

    /** {@code tenant:<language>} (the language the tenant's text is kept under) or {@code built-in:<language>}. */
    private static String templateLabel(EmailTexts.Selection text, DistributionJob job) {
        return switch (text.source()) {
            case CUSTOMER_LANGUAGE -> "tenant:" + languageCode(job.language());
            case TENANT_DEFAULT_LANGUAGE -> "tenant:" + languageCode(job.supplier().defaultLanguage());
            case BUILT_IN -> "built-in:" + text.language().code();
        };
    }

    private static String languageCode(String tag) {
        return Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
    }

    private void record(DistributionJob job, DistributionId distribution, TenantId tenant, SendOutcome outcome) {
        if (outcome instanceof Accepted accepted) {
            recorder.sent(new RecordDistributionSent(distribution, tenant, job.attempt(), accepted.messageId(),
                    reply(accepted.reply()), List.of()));
        } else if (outcome instanceof PartiallyAccepted partly) {
            recorder.sent(new RecordDistributionSent(distribution, tenant, job.attempt(), partly.messageId(),
                    reply(partly.reply()), partly.rejected().stream().map(RecipientRejection::address).toList()));
            partly.rejected().forEach(r -> bounced(distribution, r));
        } else if (outcome instanceof TemporaryFailure temporary) {
            boolean giveUp = job.attempt() > RETRY_DELAYS.size();
            Instant retryAt = giveUp ? null : clock.instant().plus(RETRY_DELAYS.get(job.attempt() - 1));
            recorder.failed(new RecordDistributionFailed(distribution, tenant, job.attempt(),
                    temporary.error().name(), temporary.detail() + (giveUp ? " (given up after " + job.attempt()
                    + " attempts)" : ""), giveUp, retryAt));
        } else if (outcome instanceof PermanentFailure permanent) {
            recorder.failed(new RecordDistributionFailed(distribution, tenant, job.attempt(), permanent.error().name(),
                    permanent.detail(), true, null));
            permanent.rejected().forEach(r -> bounced(distribution, r));
        }
    }

    private void bounced(DistributionId distribution, RecipientRejection rejection) {
        recorder.bounced(UUID.fromString(distribution.value()), rejection.address(), "SMTP",
                rejection.reply().enhancedStatus().orElse(null), reply(rejection.reply()));
    }

    /** P7: the message to the tenant's notification address that an invoice's email bounced or was given up. */
    private void sendNotice(DistributionJob job) {
        if (job.order() != null) {
            sendOrderNotice(job);
            return;
        }
        Document document = document(job, SupplierSettings.contactOnly(job.supplier().notificationEmail(), null, null));
        String number = job.invoice().number();
        String subject = switch (document.language()) {
            case NB -> "E-post med faktura " + number + " kom ikke fram";
            case SV -> "E-post med faktura " + number + " kom inte fram";
            default -> "The email with invoice " + number + " was not delivered";
        };
        String body = switch (document.language()) {
            case NB -> "Fakturaen " + number + " til " + job.invoice().customer().name()
                    + " kunne ikke leveres: " + job.notice() + ".\n\nDen står nå på listen over dokumenter som krever "
                    + "oppmerksomhet, og kan sendes på nytt til en annen adresse derfra.\n";
            case SV -> "Fakturan " + number + " till " + job.invoice().customer().name()
                    + " kunde inte levereras: " + job.notice() + ".\n\nDen finns nu i listan över dokument som "
                    + "behöver åtgärdas och kan skickas på nytt till en annan adress därifrån.\n";
            default -> "Invoice " + number + " to " + job.invoice().customer().name() + " could not be delivered: "
                    + job.notice() + ".\n\nIt is now on the list of documents that need attention, and can be re-sent "
                    + "to another address from there.\n";
        };
        sendNoticeMail(job, subject, body);
    }

    /** The notice that an order confirmation's email bounced or was given up, in the tenant's default language. */
    private void sendOrderNotice(DistributionJob job) {
        String number = OrderView.numberOf(job.order().orderId());
        String customer = job.order().customer() == null ? "?" : job.order().customer().name();
        Language language = Language.isSupported(job.supplier().defaultLanguage())
                ? Language.of(job.supplier().defaultLanguage()) : Language.EN;
        String subject = switch (language) {
            case NB -> "E-post med ordrebekreftelse " + number + " kom ikke fram";
            case SV -> "E-post med orderbekräftelse " + number + " kom inte fram";
            default -> "The email with order confirmation " + number + " was not delivered";
        };
        String body = switch (language) {
            case NB -> "Ordrebekreftelsen " + number + " til " + customer + " kunne ikke leveres: "
                    + job.notice() + ".\n\nDen står nå på listen over dokumenter som krever oppmerksomhet, og kan "
                    + "sendes på nytt til en annen adresse.\n";
            case SV -> "Orderbekräftelsen " + number + " till " + customer + " kunde inte levereras: " + job.notice()
                    + ".\n\nDen finns nu i listan över dokument som behöver åtgärdas och kan skickas på nytt till en "
                    + "annan adress.\n";
            default -> "Order confirmation " + number + " to " + customer + " could not be delivered: " + job.notice()
                    + ".\n\nIt is now on the list of documents that need attention, and can be sent again to another "
                    + "address.\n";
        };
        sendNoticeMail(job, subject, body);
    }

    private void sendNoticeMail(DistributionJob job, String subject, String body) {
        MailAddress from = sender(job);
        UUID noticeId = UUID.nameUUIDFromBytes(job.jobId().getBytes(StandardCharsets.UTF_8));
        OutgoingMail mail = new OutgoingMail(tokens.identity(noticeId, from.domain(), Optional.empty()), from,
                Optional.empty(), job.to().stream().map(MailAddress::of).toList(), List.of(), subject, body,
                "<p>" + Html.escape(body).replace("\n", "<br>") + "</p>", List.of());
        SendOutcome outcome = mailer.system().send(mail);
        if (!(outcome instanceof Accepted)) {
            LOG.warn("The notice {} to {} was not accepted: {}", job.jobId(), job.to(), outcome);
        }
    }

    /** R4: the day's summary of automatic sending, to the tenant's notification address. */
    private void sendSummary(DistributionJob job) {
        SummaryEmail.Text text = SummaryEmail.compose(job.summary(), job.supplier().name(), job.language());
        MailAddress from = sender(job);
        UUID summaryId = UUID.nameUUIDFromBytes(job.jobId().getBytes(StandardCharsets.UTF_8));
        OutgoingMail mail = new OutgoingMail(tokens.identity(summaryId, from.domain(), Optional.empty()), from,
                Optional.empty(), job.to().stream().map(MailAddress::of).toList(), List.of(), text.subject(),
                text.body(), "<pre style=\"font-family:inherit\">" + Html.escape(text.body()) + "</pre>", List.of());
        SendOutcome outcome = mailer.system().send(mail);
        if (outcome instanceof Accepted) {
            LOG.info("Daily summary {} sent to {}: {} sent, {} failed, {} bounced, {} pending", job.jobId(), job.to(),
                    job.summary().sent(), job.summary().failed(), job.summary().bounced(), job.summary().pending());
        } else {
            LOG.warn("The daily summary {} to {} was not accepted: {}", job.jobId(), job.to(), outcome);
        }
    }

    private MailAddress sender(DistributionJob job) {
        return mailer.settings().systemAccount()
                .map(account -> MailAddress.of(account.fromAddress(), job.supplier().name()))
                .orElse(MailAddress.of("noreply@invoiceflow.local", job.supplier().name()));
    }

    private Document document(DistributionJob job, SupplierSettings supplier) {
        InvoiceView v = job.invoice();
        InvoiceContent content = new InvoiceContent(v.customer(), v.contacts(), v.invoiceDate(), v.paymentTerms(),
                v.dueDate(), v.poNumber(), v.comments(), v.language(), v.locale(), v.currency(), v.lines(), v.totals());
        InvoiceFinalized finalized = new InvoiceFinalized(new InvoiceId(v.invoiceId()), new TenantId(job.tenantId()),
                v.number(), job.numberSequence(), v.invoiceDate(), v.dueDate(), v.currency(), v.totals(),
                v.finalizedAt());
        return Document.invoice(job.supplier(), supplier, finalized, content, viewUrl.apply(job.tenantId(), v.invoiceId()));
    }

    private static String fileName(DistributionJob job) {
        return job.invoice().number().replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

    private static String reply(SmtpReply reply) {
        return reply == null ? null : reply.code() + " " + reply.text();
    }
}

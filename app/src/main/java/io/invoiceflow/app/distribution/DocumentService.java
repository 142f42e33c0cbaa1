package io.invoiceflow.app.distribution;

import io.invoiceflow.app.reads.WriteSideQueries;
import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.settings.TenantDistributionSettings;
import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.SupplierSettings;
import io.invoiceflow.documents.html.HtmlView;
import io.invoiceflow.documents.pdf.PdfRenderer;
import io.invoiceflow.documents.pdf.RenderException;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.invoice.InvoiceContent;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.projections.views.InvoiceView;
import io.invoiceflow.projections.views.OrderView;
import io.invoiceflow.streams.mail.LocalMailSink;
import io.invoiceflow.streams.secrets.ViewLinks;
import io.invoiceflow.web.api.Documents;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PDFs, browser views and the local mailbox, from the write side's current state (any instance can
 * answer). A PDF is rendered with the tenant's settings as the distribution workers read them (the
 * customer's layout or the default, the payment settings), and a final invoice's for its finalization
 * time, so the download is the very file that was emailed while the settings stay as they were.
 */
public final class DocumentService implements Documents {
    private final WriteSide writeSide;
    private final WriteSideQueries queries;
    private final PdfRenderer renderer;
    private final ViewLinks links;
    private final String publicUrl;
    private final Optional<LocalMailSink> mailbox;

    public DocumentService(WriteSide writeSide, WriteSideQueries queries, PdfRenderer renderer, ViewLinks links,
                           String publicUrl, Optional<LocalMailSink> mailbox) {
        this.writeSide = writeSide;
        this.queries = queries;
        this.renderer = renderer;
        this.links = links;
        this.publicUrl = publicUrl;
        this.mailbox = mailbox;
    }

    @Override
    public Optional<Pdf> invoicePdf(TenantId tenant, InvoiceId invoice) {
        return view(tenant, invoice).flatMap(v -> profile(tenant).map(p -> {
            TenantDistributionSettings.ForSending settings = settings(tenant, v);
            Document document = document(p, tenant, v, settings.supplier());
            return pdf(v.number() == null ? "draft-" + v.invoiceId().substring(0, 8) : v.number(), document, settings,
                    document.draft() ? null : v.finalizedAt());
        }));
    }

    /**
     * An order has no number of its own: the confirmation shows the first eight characters of its id, which the
     * order's URL and the API show too; the order date is its creation date in the tenant's zone. Rendered for the
     * order's last change, so the same order version in the same layout gives the same file.
     */
    @Override
    public Optional<Pdf> orderPdf(TenantId tenant, OrderId order, String layout) {
        return queries.order(tenant, order).map(v -> (OrderView) v.view()).flatMap(v -> profile(tenant).map(p -> {
            TenantDistributionSettings.ForSending settings = writeSide.distributionSettings().forSending(tenant,
                    v.customer().customerNumber(), DocumentKind.ORDER, layout);
            String number = OrderView.numberOf(v.orderId());
            LocalDate orderDate = LocalDate.ofInstant(v.createdAt(), ZoneId.of(p.timeZone()));
            Document document = Document.order(p, settings.supplier(), number, orderDate, v.content());
            return pdf("order-" + number, document, settings, v.lastChanged());
        }));
    }

    @Override
    public Optional<Pdf> creditNotePdf(TenantId tenant, CreditNoteId creditNote) {
        return queries.creditNote(tenant, creditNote).map(v -> (CreditNoteIssued) v.view())
                .flatMap(issued -> profile(tenant).map(p -> {
                    InvoiceView credited = view(tenant, issued.invoiceId()).orElseThrow(() -> new IllegalStateException(
                            "credit note " + creditNote.value() + " credits invoice " + issued.invoiceId().value()
                                    + ", which cannot be read"));
                    TenantDistributionSettings.ForSending settings = writeSide.distributionSettings().forSending(tenant,
                            issued.customer().customerNumber(), DocumentKind.CREDIT_NOTE);
                    Document document = Document.creditNote(p, settings.supplier(), issued, content(credited));
                    return pdf(issued.number(), document, settings, issued.issuedAt());
                }));
    }

    /** The PDF of a document as a file; {@code createdAt} null renders a draft's preview. */
    private Pdf pdf(String name, Document document, TenantDistributionSettings.ForSending settings, Instant createdAt) {
        byte[] bytes;
        try {
            bytes = createdAt == null ? renderer.render(document, settings.template())
                    : renderer.render(document, settings.template(), createdAt);
        } catch (RenderException e) {
            throw DomainException.illegalState("the document cannot be rendered with layout " + settings.layout()
                    + ": " + e.getMessage());
        }
        return new Pdf(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf", bytes);
    }

    @Override
    public Optional<String> invoiceLink(TenantId tenant, InvoiceId invoice) {
        return view(tenant, invoice).filter(v -> v.number() != null)
                .map(v -> links.url(publicUrl, tenant, invoice));
    }

    @Override
    public Optional<Page> invoicePage(String token) {
        return links.verify(token).flatMap(target -> view(target.tenantId(), target.invoiceId())
                .filter(v -> v.number() != null)
                .flatMap(v -> profile(target.tenantId()).map(p -> new Page(HtmlView.render(document(p,
                        target.tenantId(), v, settings(target.tenantId(), v).supplier())),
                        HtmlView.CONTENT_SECURITY_POLICY))));
    }

    @Override
    public Optional<List<Object>> mailbox(int limit) {
        return mailbox.map(sink -> sink.list(limit).stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", m.id());
            item.put("messageId", m.messageId());
            item.put("from", m.from());
            item.put("to", m.to());
            item.put("subject", m.subject());
            item.put("date", m.date().orElse(null));
            item.put("size", m.size());
            return (Object) item;
        }).toList());
    }

    @Override
    public Optional<byte[]> mailboxMessage(String id) {
        return mailbox.flatMap(sink -> sink.content(id));
    }

    private Optional<InvoiceView> view(TenantId tenant, InvoiceId invoice) {
        return queries.invoice(tenant, invoice).map(v -> (InvoiceView) v.view());
    }

    private Optional<TenantProfile> profile(TenantId tenant) {
        List<? extends DomainEventMessage<?>> events = writeSide.events(tenant.value());
        return events.isEmpty() || !(events.get(0).getPayload() instanceof TenantCreated created)
                ? Optional.empty() : Optional.of(created.profile());
    }

    private TenantDistributionSettings.ForSending settings(TenantId tenant, InvoiceView v) {
        return writeSide.distributionSettings().forSending(tenant,
                v.customer() == null ? null : v.customer().customerNumber(), DocumentKind.INVOICE);
    }

    /** The document of an invoice as it stands, with the tenant's payment settings. */
    private Document document(TenantProfile profile, TenantId tenant, InvoiceView v, String url,
                              SupplierSettings settings) {
        if (v.number() == null) {
            return Document.invoiceDraft(profile, settings, content(v));
        }
        return Document.invoice(profile, settings, finalization(v.invoiceId()), content(v), url);
    }

    private static InvoiceContent content(InvoiceView v) {
        return new InvoiceContent(v.customer(), v.contacts(), v.invoiceDate(), v.paymentTerms(), v.dueDate(),
                v.poNumber(), v.comments(), v.language(), v.locale(), v.currency(), v.lines(), v.totals());
    }

    private Document document(TenantProfile profile, TenantId tenant, InvoiceView v, SupplierSettings settings) {
        return document(profile, tenant, v, v.number() == null ? null
                : links.url(publicUrl, tenant, new InvoiceId(v.invoiceId())), settings);
    }

    private InvoiceFinalized finalization(String invoiceId) {
        return writeSide.events(invoiceId).stream().map(DomainEventMessage::getPayload)
                .filter(InvoiceFinalized.class::isInstance).map(InvoiceFinalized.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("invoice " + invoiceId + " has a number but no finalization"));
    }
}

package io.invoiceflow.app.reads;

import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.events.shared.CustomerSnapshot;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.PaymentTerms;
import io.invoiceflow.events.tenant.Role;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.events.shared.Totals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The API's response shapes (documented in openapi.json). */
public final class Views {
    private Views() {
    }

    public record TenantView(String tenantId, TenantProfile profile, boolean invoicingActive, List<UserView> users,
                             Instant createdAt) {
    }

    public record UserView(String userId, String name, String email, List<Role> roles, String apiKeyPrefix,
                           String createdBy, Instant createdAt) {
    }

    public record InvoiceView(String invoiceId, String tenantId, String status, String number, InvoiceOrigin origin,
                              String orderId, CustomerSnapshot customer, List<Contact> contacts, LocalDate invoiceDate,
                              PaymentTerms paymentTerms, LocalDate dueDate, String poNumber, String comments,
                              String language, String locale, String currency, List<Line> lines, Totals totals,
                              Instant finalizedAt, LocalDate paymentDate, BigDecimal paidAmount, String voidReason,
                              List<CreditNoteRef> creditNotes, Instant createdAt, String createdBy,
                              Instant updatedAt, String updatedBy) {
    }

    public record CreditNoteRef(String creditNoteId, String number, List<Integer> lineNos, BigDecimal grossAmount) {
    }

    public record OrderView(String orderId, String tenantId, String status, CustomerSnapshot customer,
                            List<Contact> contacts, String poNumber, String comments, String language, String currency,
                            List<Line> lines, Totals totals, String invoiceId, Instant createdAt, String createdBy,
                            Instant updatedAt, String updatedBy) {
    }
}

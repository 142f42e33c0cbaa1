package io.invoiceflow.web.api;

import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.shared.CreditNoteId;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.OrderId;
import io.invoiceflow.events.shared.ProductCode;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;
import java.util.Optional;

/** The reads the API serves. Every method answers only within the given tenant. */
public interface Queries {
    Optional<Versioned<Object>> tenant(TenantId tenantId);

    Optional<Versioned<Object>> customer(TenantId tenantId, CustomerNumber number);

    /** Customers ordered by number, after {@code after} (exclusive; null for the first page). */
    List<Object> customers(TenantId tenantId, String after, int limit);

    Optional<Versioned<Object>> product(TenantId tenantId, ProductCode code);

    List<Object> products(TenantId tenantId);

    Optional<Versioned<Object>> invoice(TenantId tenantId, InvoiceId invoiceId);

    Optional<Versioned<Object>> order(TenantId tenantId, OrderId orderId);

    Optional<Versioned<Object>> creditNote(TenantId tenantId, CreditNoteId creditNoteId);

    /**
     * A recurring invoice template or subscription as its events stand (a command's response): its
     * schedule, customers and next occurrences; the invoices it produced are on the read side.
     */
    Optional<Versioned<Object>> recurring(TenantId tenantId, RecurringId recurringId);

    /**
     * The same reads for a write's answer: {@link #invoice}, {@link #order}, {@link #creditNote} and
     * {@link #recurring} give each aggregate the command this thread sent last wrote as that command left it,
     * without asking the store for its last version (another instance may have changed it since; the answer
     * is what this command produced). Only right after sending that command, in the same thread.
     */
    Queries asWritten();

    /** The version (last sequence number) of an aggregate's history, also after it was deleted; empty if it never existed. */
    Optional<Long> lastVersion(String aggregateId);
}

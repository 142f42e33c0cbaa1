package io.invoiceflow.web.api;

import io.invoiceflow.events.shared.TenantId;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The read side: read models folded from {@code invoicing.events}, partitioned by tenant over the
 * running instances. A query is answered where its tenant's read models live ({@link #locate}); the
 * web layer forwards it there. Everything here is eventually consistent: {@link #awaitVersion} lets
 * a client that just wrote wait until its event is reflected.
 */
public interface ReadModel {

    /** Where one tenant's read models are. */
    Location locate(TenantId tenant);

    /** Where a tenant's read models are: here, at another instance, or nowhere while the read side starts or rebalances. */
    sealed interface Location permits Here, Elsewhere, Unavailable {
    }

    record Here() implements Location {
    }

    /** @param baseUrl {@code http://host:port} of the instance that holds them */
    record Elsewhere(String baseUrl) implements Location {
    }

    record Unavailable(String reason) implements Location {
    }

    /** A view by id ({@code kind}: invoice, order, creditnote) with its version, as JSON. */
    Optional<Versioned<Object>> view(TenantId tenant, String kind, String id);

    /**
     * An aggregate's history, oldest first, as a JSON array; empty when it has no events. An invoice's
     * history also holds the events of its distributions, and an order's those of its own distributions (its
     * confirmations sent) and of the invoice drafted from it (S8: who invoiced it, who sent it, when).
     */
    Optional<RawJson> history(TenantId tenant, String kind, String aggregateId);

    /**
     * S7: an invoice's distributions with every attempt, as JSON ({@code DistributionLog}); an invoice
     * not distributed yet has an empty list. Empty when the invoice does not exist.
     */
    Optional<RawJson> distributionLog(TenantId tenant, String invoiceId);

    /**
     * S7 for an order: the distributions of its confirmation, as JSON ({@code DistributionLog} with {@code orderId});
     * an order never sent has an empty list. Empty when the order does not exist.
     */
    Optional<RawJson> orderDistributionLog(TenantId tenant, String orderId);

    /**
     * P7: the tenant's invoices and order confirmations that need attention (bounced, or failed for good), oldest
     * first, as a JSON array.
     */
    RawJson attention(TenantId tenant);

    /**
     * H13: a page of the tenant's invoice list, filtered, sorted and paged as docs/queries.md describes:
     * a JSON object with {@code items}, {@code nextCursor} and {@code total}. Bad parameters are
     * refused naming the parameter ({@code filter}, {@code sort}, {@code limit}, {@code cursor}).
     */
    RawJson invoiceList(TenantId tenant, String filter, String sort, String limit, String cursor);

    /** The whole filtered, sorted list as CSV (UTF-8 with BOM, spreadsheet-safe), written to {@code out}. */
    void invoiceCsv(TenantId tenant, String filter, String sort, String separator, OutputStream out) throws IOException;

    /** C2: the tenant's dashboard figures (docs/queries.md), as JSON. */
    RawJson dashboard(TenantId tenant, String from, String to, String granularity, String top);

    /**
     * R5: a recurring invoice template or subscription with its version: schedule, customers, the next
     * {@code next} (1-100, default 10) occurrences from today in the tenant's zone, and its latest invoices
     * with their distribution status. Empty when it does not exist.
     */
    Optional<Versioned<Object>> recurring(TenantId tenant, String recurringId, String next);

    /**
     * The tenant's recurring invoices and subscriptions, filtered by {@code status} (active, paused,
     * stopped) and {@code kind} (template, subscription), paged: {@code items}, {@code nextCursor}, {@code total}.
     */
    RawJson recurringList(TenantId tenant, String status, String kind, String limit, String cursor);

    /** The invoices a schedule produced, newest first, paged; empty when the schedule does not exist. */
    Optional<RawJson> recurringInvoices(TenantId tenant, String recurringId, String limit, String cursor);

    /** The tenant's audit trail, filtered and paged: a JSON object with {@code items} and {@code nextCursor}. */
    RawJson audit(TenantId tenant, AuditQuery query);

    /** @param actor a user id, {@code admin} or {@code system:...}; null for all. {@code event} an event name such as {@code InvoiceFinalized}. */
    record AuditQuery(String actor, String event, Instant from, Instant to, int limit, String cursor) {
    }

    /**
     * Waits until the event with {@code version} (its sequence number) of {@code aggregateId} is
     * reflected in the tenant's read models, at most {@code timeout}.
     */
    boolean awaitVersion(TenantId tenant, String aggregateId, long version, Duration timeout) throws InterruptedException;

    /** How far the tenant's read models are: {@code partition@offset} of the last applied event and its time. */
    Optional<Position> position(TenantId tenant);

    record Position(String offset, Instant eventTime) {
    }
}

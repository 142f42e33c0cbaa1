package io.invoiceflow.projections;

import io.invoiceflow.projections.list.InvoiceRow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The invoice list of every tenant this instance folds, in memory: a query filters and sorts up to
 * 100,000 rows per tenant in milliseconds, which a scan of the RocksDB store could not. It is
 * derived state: the fold rebuilds a tenant's list from the views store whenever its task starts,
 * and drops it when the task moves away.
 */
public final class InvoiceLists {
    private final Map<String, Map<String, InvoiceRow>> byTenant = new ConcurrentHashMap<>();

    void put(String tenant, InvoiceRow row) {
        byTenant.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(row.invoiceId(), row);
    }

    void remove(String tenant, String invoiceId) {
        Map<String, InvoiceRow> rows = byTenant.get(tenant);
        if (rows != null) {
            rows.remove(invoiceId);
        }
    }

    void drop(Set<String> tenants) {
        tenants.forEach(byTenant::remove);
    }

    /** A tenant's rows (a live, weakly consistent view); empty for a tenant with no invoices here. */
    public Collection<InvoiceRow> rows(String tenant) {
        Map<String, InvoiceRow> rows = byTenant.get(tenant);
        return rows == null ? List.of() : rows.values();
    }
}

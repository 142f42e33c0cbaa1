package io.invoiceflow.web.api;

import io.invoiceflow.events.FieldViolation;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;

import java.util.List;
import java.util.Optional;

/**
 * The distribution list (P1-P3): its reads, from the write side's lookup table (so they reflect every
 * command that has returned), and the plan of an import (implemented in the app).
 */
public interface DistributionList {
    /** The entry of a customer number, as an {@link Entry}. */
    Optional<Versioned<Object>> entry(TenantId tenant, CustomerNumber number);

    /**
     * A page of the list ordered by customer number, after {@code after} (exclusive; null for the first
     * page); {@code query} (null for all) keeps the entries whose email or number contains it, ignoring case.
     */
    Page search(TenantId tenant, String query, String after, int limit);

    /** The whole list ordered by customer number. */
    List<Entry> all(TenantId tenant);

    /**
     * Reads a CSV file and compares it with the list: what each row would do and, when {@code replace},
     * which entries would be removed. Changes nothing. A file that cannot be read as a whole is refused
     * (INVALID_INPUT on {@code $}).
     */
    ImportPlan plan(TenantId tenant, byte[] csv, boolean replace);

    /** An entry: invoices to {@code customerNumber} go to {@code email}; {@code version} is its ETag. */
    record Entry(String customerNumber, String email, long version) {
    }

    /** A page; {@code next} is the {@code after} of the next page, null on the last. */
    record Page(List<Entry> items, int limit, String next) {
    }

    /** What an import row does. */
    enum Outcome { ADDED, CHANGED, UNCHANGED, REJECTED }

    /** A data row of the file (the header is line 1) and what it does; {@code problems} when rejected. */
    record PlannedRow(int line, String customerNumber, String email, Outcome outcome, List<FieldViolation> problems) {
    }

    /** Every data row in file order, and the customer numbers whose entries a replacing import removes. */
    record ImportPlan(List<PlannedRow> rows, List<String> removals) {
    }
}

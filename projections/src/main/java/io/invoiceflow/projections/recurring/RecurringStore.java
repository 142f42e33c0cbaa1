package io.invoiceflow.projections.recurring;

import io.invoiceflow.projections.ReadStores;

import java.time.LocalDate;

/**
 * Where a recurring schedule's read models live in the {@link ReadStores#VIEWS} store: its view
 * ({@code recurring}), one entry per customer ({@code recurringsub}, in customer number order) and one per
 * produced invoice ({@code recurringocc}, in date order, then customer number).
 */
public final class RecurringStore {
    public static final String VIEW = "recurring";
    public static final String SUBSCRIBER = "recurringsub";
    public static final String INVOICE = "recurringocc";
    /** Above every character of a key part: closes a prefix range. */
    static final String END = "\uffff";

    private RecurringStore() {
    }

    public static String view(String tenant, String recurringId) {
        return ReadStores.view(tenant, VIEW, recurringId);
    }

    /** Every schedule of the tenant, in id order. */
    public static String views(String tenant) {
        return ReadStores.viewPrefix(tenant, VIEW);
    }

    public static String subscriber(String tenant, String recurringId, String customerNumber) {
        return subscribers(tenant, recurringId) + customerNumber;
    }

    public static String subscribers(String tenant, String recurringId) {
        return ReadStores.view(tenant, SUBSCRIBER, recurringId) + ReadStores.SEP;
    }

    public static String invoice(String tenant, String recurringId, LocalDate date, String customerNumber) {
        return invoicesOn(tenant, recurringId, date) + customerNumber;
    }

    public static String invoicesOn(String tenant, String recurringId, LocalDate date) {
        return invoices(tenant, recurringId) + date + ReadStores.SEP;
    }

    public static String invoices(String tenant, String recurringId) {
        return ReadStores.view(tenant, INVOICE, recurringId) + ReadStores.SEP;
    }
}

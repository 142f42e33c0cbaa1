package io.invoiceflow.projections.list;

import java.util.List;

/** The values of {@link InvoiceRow#status()}: an invoice's lifecycle DRAFT -> FINALIZED -> PAID / VOID / CREDITED. */
public final class InvoiceStatuses {
    public static final String DRAFT = "DRAFT";
    public static final String FINALIZED = "FINALIZED";
    public static final String PAID = "PAID";
    public static final String VOID = "VOID";
    public static final String CREDITED = "CREDITED";
    /** All of them, in lifecycle order. */
    public static final List<String> ALL = List.of(DRAFT, FINALIZED, PAID, VOID, CREDITED);

    private InvoiceStatuses() {
    }
}

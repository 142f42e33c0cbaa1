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

    /**
     * The constant equal to {@code status}, or {@code status} itself when it is none of them. Rows whose status is
     * the constant are filtered without reading the string (see docs/benchmarks/invoice-query-engine.md); use it
     * when building rows from deserialised views.
     */
    public static String canonical(String status) {
        for (String constant : ALL) {
            if (constant.equals(status)) {
                return constant;
            }
        }
        return status;
    }
}

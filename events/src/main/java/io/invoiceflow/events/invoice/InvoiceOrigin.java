package io.invoiceflow.events.invoice;

/**
 * Where a draft came from: written from scratch, from an order ({@code sourceId} is the order
 * id), as a clone ({@code sourceId} is the original invoice id) or as an occurrence of a recurring
 * invoice or subscription ({@code sourceId} is the recurring id; such an invoice is finalized in the
 * same transaction).
 */
public record InvoiceOrigin(Kind kind, String sourceId) {
    public enum Kind { SCRATCH, ORDER, CLONE, RECURRING }

    public static InvoiceOrigin scratch() {
        return new InvoiceOrigin(Kind.SCRATCH, null);
    }
}

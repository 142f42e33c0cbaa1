package io.invoiceflow.events.recurring;

/** What a recurring schedule produces: copies of one invoice (R1), or one invoice per subscriber (Q6). */
public enum RecurringKind {
    /** An invoice made recurring: each occurrence issues a copy of it to its customer. */
    INVOICE_TEMPLATE,
    /** Order lines with subscribers: each occurrence invoices each active subscriber. */
    SUBSCRIPTION
}

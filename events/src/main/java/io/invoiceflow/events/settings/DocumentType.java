package io.invoiceflow.events.settings;

/** The kinds of document a tenant sends, each with its own email texts. */
public enum DocumentType {
    INVOICE, CREDIT_NOTE, ORDER
}

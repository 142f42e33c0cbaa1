package io.invoiceflow.events.settings;

/** A tenant's template: a standard layout with the tenant's logo, colours and texts, or its own XSLT stylesheet. */
public enum TemplateKind {
    STANDARD, CUSTOM
}

package io.invoiceflow.commands.settings;

import io.invoiceflow.events.settings.DocumentType;

/** One email text of a tenant (S4): for a kind of document in a language (ISO 639-1). */
public record EmailText(DocumentType documentType, String language, String name, String subject, String body) {
}

package io.invoiceflow.documents.email;

/**
 * A merged email: a subject safe for a header (one line, no control characters), a plain-text body and an HTML
 * body (the same text, every value escaped, self-contained).
 */
public record RenderedEmail(String subject, String textBody, String htmlBody) {
}

package io.invoiceflow.documents;

/** What a document is. Each kind has its own title, number label and date labels. */
public enum DocumentKind {
    INVOICE("invoice"), CREDIT_NOTE("credit-note"), ORDER("order");

    private final String xmlName;

    DocumentKind(String xmlName) {
        this.xmlName = xmlName;
    }

    /** The name in the template input XML ({@code invoice}, {@code credit-note}, {@code order}). */
    public String xmlName() {
        return xmlName;
    }
}

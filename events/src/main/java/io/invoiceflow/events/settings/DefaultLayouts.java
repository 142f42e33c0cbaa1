package io.invoiceflow.events.settings;

/**
 * S2: the layout each kind of document is rendered with unless a customer rule says otherwise: a standard layout
 * ({@code classic}, {@code modern}, {@code compact}) or a tenant's template ({@code custom:<templateName>}).
 */
public record DefaultLayouts(String invoice, String creditNote, String order) {
    /** Before a tenant chooses: {@code classic} for everything. */
    public static final DefaultLayouts STANDARD = new DefaultLayouts("classic", "classic", "classic");
}

package io.invoiceflow.events.settings;

/**
 * S3: a tenant's template. {@code STANDARD}: the standard layout {@code baseLayout} ({@code classic},
 * {@code modern}, {@code compact}) changed by the rest; {@code CUSTOM}: the tenant's XSLT stylesheet
 * ({@code xslt}, see docs/templates.md) with the rest available to it. {@code logo} (PNG or JPEG), the two
 * {@code #RRGGBB} colours and the two texts are optional (null: the layout's default).
 */
public record DocumentTemplate(
        TemplateKind kind,
        String baseLayout,
        ContentRef xslt,
        ContentRef logo,
        String primaryColor,
        String accentColor,
        String footerText,
        String paymentNote) {
}

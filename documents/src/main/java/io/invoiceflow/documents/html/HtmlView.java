package io.invoiceflow.documents.html;

import io.invoiceflow.documents.Document;
import io.invoiceflow.documents.DocumentKind;
import io.invoiceflow.documents.Formats;
import io.invoiceflow.documents.Labels;
import io.invoiceflow.documents.Language;
import io.invoiceflow.events.shared.Address;
import io.invoiceflow.events.shared.Line;
import io.invoiceflow.events.shared.VatLine;

import static io.invoiceflow.documents.email.Html.escape;

/**
 * The read-only HTML view of a document ({@code GET /view/{token}}, H11): one self-contained page with inline
 * styles and no external resources (no scripts, images, fonts or links to load), every value escaped, labels,
 * dates and amounts localized like the PDF. Serve it with {@link #CONTENT_SECURITY_POLICY}.
 */
public final class HtmlView {
    /** A Content-Security-Policy that the page satisfies: nothing but its own inline style. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String STYLE = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#222;"
            + "max-width:60rem;margin:2rem auto;padding:0 1rem}h1{margin:0 0 .2rem}table{border-collapse:collapse;"
            + "width:100%;margin:1rem 0}th,td{padding:.35rem .5rem;text-align:left;vertical-align:top}"
            + "thead th{background:#eef2f6}tbody tr{border-bottom:1px solid #e3e3e3}.n{text-align:right;"
            + "white-space:nowrap}.cols{display:flex;flex-wrap:wrap;gap:2rem;margin:1.5rem 0}.cols>div{flex:1;"
            + "min-width:14rem}.box{border:1px solid #1f3a5f;padding:.75rem 1rem;margin:1.5rem 0}.draft{background:"
            + "#fde8e8;color:#b00020;font-weight:bold;padding:.5rem 1rem}.total td{font-weight:bold;border-top:2px"
            + " solid #1f3a5f}dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem;margin:0}"
            + "dt{color:#555}dd{margin:0;font-weight:600}footer{color:#666;font-size:.85rem;margin-top:2rem}";

    private final Document doc;
    private final Formats formats;
    private final StringBuilder out = new StringBuilder(8192);

    private HtmlView(Document doc) {
        this.doc = doc;
        this.formats = Formats.of(doc.locale());
    }

    /** The page for a document. */
    public static String render(Document document) {
        return new HtmlView(document).page();
    }

    private String label(String key) {
        return escape(Labels.get(doc.language(), key));
    }

    private String page() {
        Language lang = doc.language();
        String title = Labels.get(lang, kindKey()) + (doc.number() == null ? "" : " " + doc.number());
        out.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(escape(title)).append(" – ").append(escape(doc.supplier().name()))
                .append("</title>\n<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        if (doc.draft()) {
            out.append("<p class=\"draft\">").append(label("draft-note")).append("</p>\n");
        }
        out.append("<header><h1>").append(escape(title)).append("</h1><div>").append(escape(doc.supplier().name()))
                .append("</div></header>\n<div class=\"cols\">\n<div><strong>").append(escape(doc.customer().name()))
                .append("</strong>");
        address(doc.customer().billingAddress());
        out.append("</div>\n<div><dl>\n");
        detail(numberKey(), doc.number());
        detail(dateKey(), formats.date(doc.issueDate()));
        detail("due-date", formats.date(doc.dueDate()));
        detail("customer-number", doc.customer().customerNumber() == null ? null : doc.customer().customerNumber().value());
        detail("your-reference", doc.poNumber());
        detail("credited-invoice", doc.creditedInvoiceNumber());
        detail("kid", doc.kid());
        out.append("</dl></div>\n</div>\n");
        if (doc.comments() != null && !doc.comments().isBlank()) {
            out.append("<p><strong>").append(label("comments")).append(":</strong> ")
                    .append(escape(doc.comments()).replace("\n", "<br>")).append("</p>\n");
        }
        lines();
        totals();
        payment();
        out.append("<footer>").append(escape(doc.supplier().name()));
        if (doc.supplier().organisationNumber() != null) {
            out.append(" · ").append(label("organisation-number")).append(' ').append(escape(doc.supplier().organisationNumber()));
        }
        if (doc.supplier().email() != null) {
            out.append(" · ").append(escape(doc.supplier().email()));
        }
        if (doc.supplier().phone() != null) {
            out.append(" · ").append(escape(doc.supplier().phone()));
        }
        out.append("</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private void lines() {
        out.append("<table>\n<thead><tr><th>").append(label("line-no")).append("</th><th>").append(label("description"))
                .append("</th><th class=\"n\">").append(label("quantity")).append("</th><th>").append(label("unit"))
                .append("</th><th class=\"n\">").append(label("unit-price")).append("</th><th class=\"n\">")
                .append(label("discount")).append("</th><th class=\"n\">").append(label("vat-rate"))
                .append("</th><th class=\"n\">").append(label("amount")).append("</th></tr></thead>\n<tbody>\n");
        for (Line l : doc.lines()) {
            String discount = l.discount() == null || l.discount().value() == null || l.discount().value().signum() == 0 ? ""
                    : l.discount().type() == io.invoiceflow.events.shared.Discount.Type.PERCENT
                    ? formats.percent(l.discount().value()) : formats.quantity(l.discount().value());
            out.append("<tr><td>").append(l.lineNo()).append("</td><td>").append(escape(l.description()))
                    .append("</td><td class=\"n\">").append(escape(formats.quantity(l.quantity())))
                    .append("</td><td>").append(escape(l.unit())).append("</td><td class=\"n\">")
                    .append(escape(formats.unitPrice(l.unitPrice(), doc.currency()))).append("</td><td class=\"n\">").append(escape(discount))
                    .append("</td><td class=\"n\">").append(escape(formats.percent(l.vatRate())))
                    .append("</td><td class=\"n\">").append(escape(formats.amount(l.netAmount()))).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void totals() {
        out.append("<table>\n<thead><tr><th>").append(label("vat-rate")).append("</th><th class=\"n\">")
                .append(label("vat-basis")).append("</th><th class=\"n\">").append(label("vat"))
                .append("</th><th class=\"n\">").append(label("amount")).append("</th></tr></thead>\n<tbody>\n");
        for (VatLine v : doc.totals().vat()) {
            out.append("<tr><td>").append(escape(formats.percent(v.rate()))).append("</td><td class=\"n\">")
                    .append(escape(formats.amount(v.netAmount()))).append("</td><td class=\"n\">")
                    .append(escape(formats.amount(v.vatAmount()))).append("</td><td class=\"n\">")
                    .append(escape(formats.amount(v.grossAmount()))).append("</td></tr>\n");
        }
        String totalKey = doc.kind() == DocumentKind.CREDIT_NOTE ? "amount-credited"
                : doc.kind() == DocumentKind.INVOICE ? "amount-due" : "total";
        out.append("<tr class=\"total\"><td>").append(label(totalKey)).append(" (")
                .append(escape(doc.currency().getCurrencyCode())).append(")</td><td class=\"n\">")
                .append(escape(formats.amount(doc.totals().netAmount()))).append("</td><td class=\"n\">")
                .append(escape(formats.amount(doc.totals().vatAmount()))).append("</td><td class=\"n\">")
                .append(escape(formats.amount(doc.totals().grossAmount()))).append("</td></tr>\n</tbody>\n</table>\n");
    }

    private void payment() {
        if (doc.kind() == DocumentKind.CREDIT_NOTE) {
            out.append("<div class=\"box\">").append(label("credit-note-no-payment")).append("</div>\n");
            return;
        }
        if (doc.kind() != DocumentKind.INVOICE) {
            return;
        }
        out.append("<div class=\"box\"><strong>").append(label("payment-information")).append("</strong><dl>\n");
        detail("amount-due", formats.amount(doc.totals().grossAmount()) + " " + doc.currency().getCurrencyCode());
        detail("due-date", formats.date(doc.dueDate()));
        detail("bank-account", doc.supplier().bankAccount());
        detail("kid", doc.kid());
        detail("iban", doc.supplier().iban());
        detail("bic", doc.supplier().bic());
        out.append("</dl></div>\n");
    }

    private void detail(String key, String value) {
        if (value != null && !value.isBlank()) {
            out.append("<dt>").append(label(key)).append("</dt><dd>").append(escape(value)).append("</dd>\n");
        }
    }

    private void address(Address a) {
        if (a == null) {
            return;
        }
        if (a.street() != null) {
            out.append("<br>").append(escape(a.street()));
        }
        out.append("<br>").append(escape(a.postalCode() == null ? "" : a.postalCode())).append(' ')
                .append(escape(a.city() == null ? "" : a.city()));
    }

    private String kindKey() {
        return switch (doc.kind()) {
            case INVOICE -> "invoice";
            case CREDIT_NOTE -> "credit-note";
            case ORDER -> "order";
        };
    }

    private String numberKey() {
        return switch (doc.kind()) {
            case INVOICE -> "invoice-number";
            case CREDIT_NOTE -> "credit-note-number";
            case ORDER -> "order-number";
        };
    }

    private String dateKey() {
        return switch (doc.kind()) {
            case INVOICE -> "invoice-date";
            case CREDIT_NOTE -> "issue-date";
            case ORDER -> "order-date";
        };
    }
}

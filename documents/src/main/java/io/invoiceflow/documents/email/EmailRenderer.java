package io.invoiceflow.documents.email;

import io.invoiceflow.documents.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Merges a document's values into an {@link EmailTemplate}. Pure and thread-safe.
 *
 * <ul>
 *   <li>Subject: every control character in a value (CR, LF, tab, NEL, line and paragraph separators and the rest)
 *       becomes a space, runs of spaces collapse: a value can never start a new header line.</li>
 *   <li>Text body: values as they are, without control characters other than line breaks.</li>
 *   <li>HTML body: the whole text (template and values) HTML-escaped, blank lines make paragraphs, line breaks
 *       {@code <br>}; an http(s) {@code {InvoiceUrl}} becomes a link.</li>
 *   <li>A body line that contains merge fields which are all empty for this document (say "KID: {Kid}" on a
 *       credit note) is left out, in both bodies.</li>
 * </ul>
 */
public final class EmailRenderer {
    private EmailRenderer() {
    }

    /** Merges a valid template (see {@link EmailTemplate#validate}). */
    public static RenderedEmail render(EmailTemplate template, Document document) {
        String subject = subject(MergeText.parse(template.subject()), document);
        List<List<MergeText.Part>> lines = lines(MergeText.parse(template.body()), document);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(document.language().code())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(subject))
                .append("</title></head>\n<body style=\"font-family:sans-serif\">\n");
        List<String> paragraph = new ArrayList<>();
        for (List<MergeText.Part> line : lines) {
            String plain = plain(line, document);
            text.append(plain).append('\n');
            if (plain.isBlank()) {
                paragraph(html, paragraph);
            } else {
                paragraph.add(htmlLine(line, document));
            }
        }
        paragraph(html, paragraph);
        html.append("</body></html>\n");
        return new RenderedEmail(subject, text.toString().strip() + "\n", html.toString());
    }

    private static void paragraph(StringBuilder html, List<String> lines) {
        if (!lines.isEmpty()) {
            html.append("<p>").append(String.join("<br>\n", lines)).append("</p>\n");
            lines.clear();
        }
    }

    private static String subject(List<MergeText.Part> parts, Document document) {
        StringBuilder out = new StringBuilder();
        for (MergeText.Part part : parts) {
            out.append(part.field() == null ? part.text() : part.field().valueOf(document));
        }
        StringBuilder clean = new StringBuilder(out.length());
        out.codePoints().forEach(cp -> {
            boolean control = Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029;
            clean.appendCodePoint(control ? ' ' : cp);
        });
        return clean.toString().replaceAll(" {2,}", " ").strip();
    }

    /** Splits the parts into lines, dropping lines whose fields are all empty. */
    private static List<List<MergeText.Part>> lines(List<MergeText.Part> parts, Document document) {
        List<List<MergeText.Part>> lines = new ArrayList<>();
        List<MergeText.Part> current = new ArrayList<>();
        for (MergeText.Part part : parts) {
            if (part.field() != null) {
                current.add(part);
                continue;
            }
            String[] pieces = part.text().replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    lines.add(current);
                    current = new ArrayList<>();
                }
                if (!pieces[i].isEmpty()) {
                    current.add(new MergeText.Part(pieces[i], null));
                }
            }
        }
        lines.add(current);
        lines.removeIf(line -> line.stream().anyMatch(p -> p.field() != null)
                && line.stream().filter(p -> p.field() != null).allMatch(p -> p.field().valueOf(document).isBlank()));
        return lines;
    }

    private static String plain(List<MergeText.Part> line, Document document) {
        StringBuilder out = new StringBuilder();
        for (MergeText.Part part : line) {
            out.append(part.field() == null ? part.text() : bodyValue(part.field().valueOf(document)));
        }
        return out.toString();
    }

    private static String htmlLine(List<MergeText.Part> line, Document document) {
        StringBuilder out = new StringBuilder();
        for (MergeText.Part part : line) {
            if (part.field() == null) {
                out.append(Html.escape(part.text()));
            } else {
                String value = bodyValue(part.field().valueOf(document));
                if (part.field() == MergeField.INVOICE_URL && (value.startsWith("https://") || value.startsWith("http://"))) {
                    out.append("<a href=\"").append(Html.escape(value)).append("\">").append(Html.escape(value)).append("</a>");
                } else {
                    out.append(Html.escape(value).replace("\n", "<br>\n"));
                }
            }
        }
        return out.toString();
    }

    private static String bodyValue(String value) {
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (cp == '\n' || !Character.isISOControl(cp)) {
                clean.appendCodePoint(cp);
            } else if (cp == '\t') {
                clean.append(' ');
            }
        });
        return clean.toString();
    }
}

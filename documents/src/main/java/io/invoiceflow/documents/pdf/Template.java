package io.invoiceflow.documents.pdf;

import java.util.Objects;

/** What a document is rendered with: a standard layout or a tenant's own XSLT, each with a {@link Customisation}. */
public sealed interface Template permits Template.Standard, Template.Custom {
    /** The longest stylesheet a tenant may give, in characters. */
    int MAX_XSLT_CHARS = 256 * 1024;

    Customisation customisation();

    /** A standard layout without changes. */
    static Template standard(Layout layout) {
        return new Standard(layout, Customisation.NONE);
    }

    /** A standard layout with a tenant's logo, colours and texts. */
    record Standard(Layout layout, Customisation customisation) implements Template {
        public Standard {
            Objects.requireNonNull(layout, "layout");
            customisation = customisation == null ? Customisation.NONE : customisation;
        }
    }

    /**
     * A tenant's XSLT 1.0 stylesheet producing XSL-FO from the template input XML (docs/templates.md). It runs
     * locked down; check it with {@link PdfRenderer#validate} before saving it.
     */
    record Custom(String xslt, Customisation customisation) implements Template {
        public Custom {
            Objects.requireNonNull(xslt, "xslt");
            customisation = customisation == null ? Customisation.NONE : customisation;
        }
    }
}

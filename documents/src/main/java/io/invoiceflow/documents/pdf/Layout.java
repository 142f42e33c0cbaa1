package io.invoiceflow.documents.pdf;

import io.invoiceflow.events.DomainException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The standard A4 layouts, each for invoices, credit notes and orders:
 * {@code classic} (serif, sober, address block for a window envelope), {@code modern} (sans-serif, a coloured
 * band, generous spacing) and {@code compact} (small type, dense table, for long line lists).
 */
public enum Layout {
    CLASSIC, MODERN, COMPACT;

    /** The name used in the API and the template input ({@code classic}, {@code modern}, {@code compact}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The layout of a name, refused with a field violation on {@code layout} if unknown. */
    public static Layout of(String id) {
        for (Layout layout : values()) {
            if (layout.id().equals(id)) {
                return layout;
            }
        }
        throw DomainException.invalid("layout", "one-of", "layout must be one of "
                + Arrays.stream(values()).map(Layout::id).collect(Collectors.joining(", ")));
    }

    String resource() {
        return "layouts/" + id() + ".xsl";
    }
}

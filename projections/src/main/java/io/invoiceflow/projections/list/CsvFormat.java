package io.invoiceflow.projections.list;

import io.invoiceflow.events.DomainException;

import java.util.Locale;

/**
 * The two CSV dialects of the export. Both are UTF-8 with a byte order mark, CRLF line endings and
 * RFC 4180 quoting; they differ in the separators.
 */
public enum CsvFormat {
    /** RFC 4180: cells separated by {@code ,}, decimals with {@code .} ({@code 1250.00}). */
    COMMA(',', '.'),
    /**
     * What Norwegian, Swedish and Danish spreadsheet programs open by double-click: cells separated by
     * {@code ;}, decimals with {@code ,} ({@code 1250,00}).
     */
    SEMICOLON(';', ',');

    final char separator;
    final char decimalSeparator;

    CsvFormat(char separator, char decimalSeparator) {
        this.separator = separator;
        this.decimalSeparator = decimalSeparator;
    }

    /** The format of a request parameter: {@code comma} (the default when blank) or {@code semicolon}. */
    public static CsvFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return COMMA;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "comma", "," -> COMMA;
            case "semicolon", ";" -> SEMICOLON;
            default -> throw DomainException.invalid("separator", "one-of",
                    "separator must be comma or semicolon, found '" + value + "'");
        };
    }
}

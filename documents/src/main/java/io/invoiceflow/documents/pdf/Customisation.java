package io.invoiceflow.documents.pdf;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A tenant's changes to a layout (S3): a logo, two colours as {@code #RRGGBB} and two texts, the footer and a
 * payment note. Every field may be null (the layout's default). Build it with {@link #of}, which validates.
 *
 * @param primaryColor headings, title and rules
 * @param accentColor  table heads and the totals box background
 * @param footerText   shown at the bottom of every page, at most 500 characters, line breaks kept
 * @param paymentNote  shown under the payment information, at most 500 characters, line breaks kept
 */
public record Customisation(Logo logo, String primaryColor, String accentColor, String footerText, String paymentNote) {
    public static final Customisation NONE = new Customisation(null, null, null, null, null);
    public static final int MAX_TEXT = 500;
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    /**
     * Validated customisation; {@code logo} are PNG or JPEG bytes or null.
     *
     * @throws DomainException naming each broken field ({@code logo}, {@code primaryColor}, {@code accentColor},
     *                         {@code footerText}, {@code paymentNote})
     */
    public static Customisation of(byte[] logo, String primaryColor, String accentColor, String footerText,
                                   String paymentNote) {
        List<FieldViolation> out = new ArrayList<>();
        Logo checkedLogo = null;
        if (logo != null) {
            try {
                checkedLogo = Logo.of(logo);
            } catch (DomainException e) {
                out.addAll(e.violations());
            }
        }
        color(out, "primaryColor", primaryColor);
        color(out, "accentColor", accentColor);
        text(out, "footerText", footerText);
        text(out, "paymentNote", paymentNote);
        if (!out.isEmpty()) {
            throw DomainException.invalid(out);
        }
        return new Customisation(checkedLogo, primaryColor == null ? null : primaryColor.toUpperCase(java.util.Locale.ROOT),
                accentColor == null ? null : accentColor.toUpperCase(java.util.Locale.ROOT), footerText, paymentNote);
    }

    private static void color(List<FieldViolation> out, String field, String value) {
        if (value != null && !COLOR.matcher(value).matches()) {
            out.add(new FieldViolation(field, "hex-color", field + " must be a colour as #RRGGBB"));
        }
    }

    private static void text(List<FieldViolation> out, String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_TEXT) {
            out.add(new FieldViolation(field, "max-length", field + " must be at most " + MAX_TEXT + " characters"));
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            out.add(new FieldViolation(field, "no-control-characters", field + " must not contain control characters "
                    + "other than line breaks"));
        }
    }
}

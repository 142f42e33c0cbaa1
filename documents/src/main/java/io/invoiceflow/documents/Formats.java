package io.invoiceflow.documents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a locale writes dates, amounts, quantities and percentages on documents, in emails and in the HTML view.
 * Norwegian ({@code nb}, {@code nn}, {@code no}) and Swedish write {@code 1 234,50} with a no-break space
 * (U+00A0) between thousands; Danish {@code 1.234,50}; every other locale {@code 1,234.50}. Dates:
 * Norwegian and Danish {@code 05.01.2027}, Swedish {@code 2027-01-05}, others {@code 5 Jan 2027}. The
 * formats are fixed here rather than taken from the JDK's locale data, so documents never change with a JDK
 * update. Instances are immutable and thread-safe.
 */
public final class Formats {
    /** The no-break space that separates thousands (and a number from its % sign) in nb and sv. */
    public static final char NBSP = '\u00A0';

    private static final Formats NORWEGIAN = new Formats(NBSP, ',', DateTimeFormatter.ofPattern("dd.MM.uuuu"), true);
    private static final Formats SWEDISH = new Formats(NBSP, ',', DateTimeFormatter.ofPattern("uuuu-MM-dd"), true);
    private static final Formats DANISH = new Formats('.', ',', DateTimeFormatter.ofPattern("dd.MM.uuuu"), true);
    private static final Formats ENGLISH = new Formats(',', '.', DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH), false);

    private final char grouping;
    private final char decimal;
    private final DateTimeFormatter dates;
    private final boolean spaceBeforePercent;

    private Formats(char grouping, char decimal, DateTimeFormatter dates, boolean spaceBeforePercent) {
        this.grouping = grouping;
        this.decimal = decimal;
        this.dates = dates;
        this.spaceBeforePercent = spaceBeforePercent;
    }

    /** The formats of a locale (by its language). */
    public static Formats of(Locale locale) {
        return switch (locale.getLanguage()) {
            case "nb", "nn", "no" -> NORWEGIAN;
            case "sv" -> SWEDISH;
            case "da" -> DANISH;
            default -> ENGLISH;
        };
    }

    /** A date, or the empty string for null. */
    public String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    /** An amount as it stands (amounts are at the currency's scale already), with thousands separators. */
    public String amount(BigDecimal amount) {
        return amount == null ? "" : number(amount);
    }

    /** A quantity without trailing zeros ({@code 3}, {@code 1,5}). */
    public String quantity(BigDecimal quantity) {
        return quantity == null ? "" : number(quantity.stripTrailingZeros().scale() < 0
                ? quantity.setScale(0) : quantity.stripTrailingZeros());
    }

    /** A unit price: at least the currency's decimals, more when the price has them ({@code 199,90}, {@code 0,0125}). */
    public String unitPrice(BigDecimal price, java.util.Currency currency) {
        if (price == null) {
            return "";
        }
        int scale = Math.max(price.stripTrailingZeros().scale(), Math.max(currency.getDefaultFractionDigits(), 0));
        return number(price.setScale(scale, java.math.RoundingMode.UNNECESSARY));
    }

    /** A percentage ({@code 25 %} in nb and sv with a no-break space, {@code 25%} in English). */
    public String percent(BigDecimal rate) {
        return rate == null ? "" : quantity(rate) + (spaceBeforePercent ? NBSP + "%" : "%");
    }

    private String number(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder out = new StringBuilder(plain.length() + 8);
        if (value.signum() < 0) {
            out.append('-');
        }
        int first = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        out.append(integer, 0, first);
        for (int i = first; i < integer.length(); i += 3) {
            out.append(grouping).append(integer, i, i + 3);
        }
        if (dot >= 0) {
            out.append(decimal).append(plain, dot + 1, plain.length());
        }
        return out.toString();
    }
}

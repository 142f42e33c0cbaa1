package io.invoiceflow.projections.list;

import java.util.Locale;

/**
 * Where the Nordic letters sort after {@code z}. Norwegian and Danish: {@code æ ø å} (with {@code ä} after
 * {@code æ} and {@code ö} after {@code ø}); Swedish and Finnish: {@code å ä ö} (with {@code æ} after {@code ä}
 * and {@code ø} after {@code ö}). Everything else sorts the same in both (see {@link Text}).
 */
public enum Alphabet {
    NORWEGIAN_DANISH("æäøöå"),
    SWEDISH("åäæöø");

    /** The letters after {@code z}, in order. */
    private final String afterZ;

    Alphabet(String afterZ) {
        this.afterZ = afterZ;
    }

    /** The alphabet of a tenant's country (ISO 3166 alpha-2): Swedish for SE and FI, else Norwegian/Danish. */
    public static Alphabet ofCountry(String countryCode) {
        String code = countryCode == null ? "" : countryCode.toUpperCase(Locale.ROOT);
        return code.equals("SE") || code.equals("FI") ? SWEDISH : NORWEGIAN_DANISH;
    }

    /** The sort weight of a folded character: its code point, the Nordic letters just after {@code z}. */
    int weight(char folded) {
        int rank = folded >= 'ä' && folded <= 'ø' ? afterZ.indexOf(folded) : -1;
        return rank < 0 ? folded * 8 : 'z' * 8 + 1 + rank;
    }
}

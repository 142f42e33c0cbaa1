package io.invoiceflow.commands.pricing;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The VAT rates a tenant may put on a line, by the tenant's country. Rates are percentages; the
 * lists are the statutory rates in force in 2026 (Norway: 25 general, 15 food, 12 transport/
 * accommodation/culture, 0 exempt or zero-rated; Sweden 25/12/6/0; Denmark 25/0).
 */
public final class VatRates {
    private static final Map<String, List<BigDecimal>> BY_COUNTRY = Map.of(
            "NO", rates("25", "15", "12", "0"),
            "SE", rates("25", "12", "6", "0"),
            "DK", rates("25", "0"));

    private VatRates() {
    }

    public static boolean supportsCountry(String country) {
        return BY_COUNTRY.containsKey(country);
    }

    public static List<String> supportedCountries() {
        return BY_COUNTRY.keySet().stream().sorted().toList();
    }

    public static List<BigDecimal> of(String country) {
        return BY_COUNTRY.getOrDefault(country, List.of());
    }

    /** The allowed rate equal to {@code rate} (numerically), in its canonical form, if any. */
    public static Optional<BigDecimal> match(String country, BigDecimal rate) {
        return of(country).stream().filter(r -> r.compareTo(rate) == 0).findFirst();
    }

    public static String describe(String country) {
        return of(country).stream().map(BigDecimal::toPlainString).collect(Collectors.joining(", "));
    }

    private static List<BigDecimal> rates(String... rates) {
        return Arrays.stream(rates).map(BigDecimal::new).toList();
    }
}

package io.invoiceflow.commands.shared;

import io.invoiceflow.events.shared.Address;

import java.util.Locale;
import java.util.Set;

/** Checks postal addresses and organisation numbers. */
public final class Addresses {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private Addresses() {
    }

    public static void check(Violations v, String path, Address address, boolean required) {
        if (address == null) {
            if (required) {
                v.add(path, "required", path + " is required");
            }
            return;
        }
        v.text(path + ".street", address.street(), 200);
        v.text(path + ".postalCode", address.postalCode(), 20);
        v.text(path + ".city", address.city(), 100);
        if (v.required(path + ".country", address.country()) && !COUNTRIES.contains(address.country())) {
            v.add(path + ".country", "iso-3166-1", path + ".country must be an ISO 3166-1 alpha-2 code such as NO");
        }
    }

    /**
     * Norwegian organisation numbers have 9 digits with a modulus-11 check digit; Swedish ones 10
     * digits (an optional hyphen after the sixth) with a Luhn check digit; Danish CVR numbers 8 digits.
     * Other countries: 1-40 characters.
     */
    public static void checkOrganisationNumber(Violations v, String field, String number, String country,
                                               boolean required) {
        if (number == null) {
            if (required) {
                v.add(field, "required", field + " is required");
            }
            return;
        }
        boolean ok = switch (country == null ? "" : country) {
            case "NO" -> number.matches("\\d{9}") && mod11(number);
            case "SE" -> number.matches("\\d{6}-?\\d{4}") && luhn(number.replace("-", ""));
            case "DK" -> number.matches("\\d{8}");
            default -> !number.isBlank() && number.length() <= 40;
        };
        if (!ok) {
            v.add(field, "organisation-number", field + " is not a valid organisation number for " + country);
        }
    }

    private static boolean mod11(String digits) {
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(8) - '0';
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}

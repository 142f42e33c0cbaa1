package io.invoiceflow.commands.shared;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/** Language and locale codes accepted on tenants, customers and documents. */
public final class Languages {
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private Languages() {
    }

    /** An ISO 639-1 code in lower case, such as {@code nb}, {@code sv}, {@code en}. */
    public static void check(Violations v, String field, String language, boolean required) {
        if (language == null) {
            if (required) {
                v.add(field, "required", field + " is required");
            }
            return;
        }
        if (language.length() != 2 || !ISO_LANGUAGES.contains(language)) {
            v.add(field, "iso-639-1", field + " must be a two-letter ISO 639-1 language code such as nb, sv, da or en");
        }
    }

    /** A BCP 47 tag with a language and a region, such as {@code nb-NO}. */
    public static void checkLocale(Violations v, String field, String tag) {
        if (tag == null) {
            return;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty() || locale.getCountry().isEmpty()) {
                v.add(field, "bcp-47", field + " must be a BCP 47 tag with language and region, such as nb-NO");
            }
        } catch (IllformedLocaleException e) {
            v.add(field, "bcp-47", field + " must be a BCP 47 tag with language and region, such as nb-NO");
        }
    }
}

package io.invoiceflow.recurrence;

import java.util.Locale;
import java.util.Optional;

/** The languages frequencies are named in: Norwegian bokmål, Swedish, English. */
public enum NameLanguage {
    NB, SV, EN;

    /** The language of an ISO 639-1 code: {@code nb}, {@code no} and {@code nn} name bokmål; empty when not offered. */
    public static Optional<NameLanguage> of(String iso) {
        if (iso == null) {
            return Optional.empty();
        }
        return switch (iso.toLowerCase(Locale.ROOT)) {
            case "nb", "no", "nn" -> Optional.of(NB);
            case "sv" -> Optional.of(SV);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /** The language for a tenant or customer language: English where the language is not offered (for example Danish). */
    public static NameLanguage orEnglish(String iso) {
        return of(iso).orElse(EN);
    }

    /** The ISO 639-1 code. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.invoiceflow.documents;

import java.util.Locale;

/**
 * The languages documents and emails are written in. Norwegian ({@code nb}, also {@code no} and
 * {@code nn}) and Swedish have their own texts; every other language falls back to English.
 */
public enum Language {
    NB("nb"), SV("sv"), EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code: {@code nb}, {@code sv} or {@code en}. */
    public String code() {
        return code;
    }

    /**
     * The language for an ISO 639-1 code or a language tag ({@code nb}, {@code sv-SE}, {@code en_GB}); null,
     * blank and unsupported languages give {@link #EN}.
     */
    public static Language of(String codeOrTag) {
        if (codeOrTag == null || codeOrTag.isBlank()) {
            return EN;
        }
        String language = Locale.forLanguageTag(codeOrTag.trim().replace('_', '-')).getLanguage();
        return switch (language) {
            case "nb", "no", "nn" -> NB;
            case "sv" -> SV;
            default -> EN;
        };
    }

    /** True when the code or tag names a language this module has texts for (not a fallback). */
    public static boolean isSupported(String codeOrTag) {
        if (codeOrTag == null || codeOrTag.isBlank()) {
            return false;
        }
        String language = Locale.forLanguageTag(codeOrTag.trim().replace('_', '-')).getLanguage();
        return switch (language) {
            case "nb", "no", "nn", "sv", "en" -> true;
            default -> false;
        };
    }
}

package io.invoiceflow.projections.list;

import java.text.Normalizer;

/**
 * How the list compares text, without allocating: case-insensitively and ignoring accents (é = e, ü = u),
 * except on the Nordic letters æ ø å ä ö, which are letters of their own (ø is not o) and sort after z
 * in the tenant's {@link Alphabet}. Two strings are equal when their folded forms are.
 */
final class Text {
    /** The folded form of every character below U+0250 (Latin-1 and Latin Extended-A/B). */
    private static final char[] FOLD = new char[0x250];

    static {
        for (char c = 0; c < FOLD.length; c++) {
            char lower = lower(c);
            FOLD[c] = "æøåäö".indexOf(lower) >= 0 ? lower : withoutAccent(lower);
        }
    }

    private Text() {
    }

    static char fold(char c) {
        return c < FOLD.length ? FOLD[c] : lower(c);
    }

    /** Appends the folded form of {@code s} (nothing for null): as long as {@code s}, character by character. */
    static StringBuilder appendFolded(StringBuilder out, String s) {
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                out.append(fold(s.charAt(i)));
            }
        }
        return out;
    }

    private static char lower(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The base letter of an accented one ({@code é} gives {@code e}); other characters stay. */
    private static char withoutAccent(char c) {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        for (int i = 1; i < decomposed.length(); i++) {
            if (Character.getType(decomposed.charAt(i)) != Character.NON_SPACING_MARK) {
                return c;
            }
        }
        return decomposed.charAt(0);
    }

    /** The folded comparison: negative, zero or positive; zero exactly when the folded forms are equal. */
    static int compare(String a, String b, Alphabet alphabet) {
        if (a == b) {
            return 0;
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = alphabet.weight(fold(a.charAt(i))) - alphabet.weight(fold(b.charAt(i)));
            if (d != 0) {
                return d;
            }
        }
        return a.length() - b.length();
    }

    /** A total order for sorting: the folded comparison, then the exact characters. */
    static int compareTotal(String a, String b, Alphabet alphabet) {
        int folded = compare(a, b, alphabet);
        return folded != 0 ? folded : a.compareTo(b);
    }

    static boolean contains(String haystack, String needle) {
        int last = haystack.length() - needle.length();
        for (int start = 0; start <= last; start++) {
            if (regionMatches(haystack, start, needle)) {
                return true;
            }
        }
        return false;
    }

    static boolean startsWith(String s, String prefix) {
        return s.length() >= prefix.length() && regionMatches(s, 0, prefix);
    }

    private static boolean regionMatches(String s, int start, String part) {
        for (int i = 0; i < part.length(); i++) {
            if (fold(s.charAt(start + i)) != fold(part.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

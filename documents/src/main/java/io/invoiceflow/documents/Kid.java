package io.invoiceflow.documents;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * Norwegian KID (customer identification) numbers for OCR giro payments, as in the Nets / Bankenes
 * standard: digits followed by one check digit, MOD10 (Luhn) or MOD11. A KID is at most 25 characters.
 *
 * <p>MOD10: from the rightmost digit of the base leftwards, weights 2, 1, 2, 1, ...; products above 9
 * have their digits added; the check digit takes the sum up to the next multiple of ten.
 * MOD11: from the rightmost digit leftwards, weights 2, 3, 4, 5, 6, 7, 2, 3, ...; check digit =
 * 11 - (sum mod 11), where 11 becomes 0 and 10 becomes {@code -} (the standard's mark for it).
 *
 * <p>{@link #generate} derives a KID deterministically from the document's sequence number (and, when the
 * scheme asks for it, the customer number), so the same invoice always gets the same KID and two invoices of
 * a tenant never share one.
 */
public final class Kid {
    /** The longest KID the standard allows (check digit included). */
    public static final int MAX_LENGTH = 25;

    /** The check digit algorithm. */
    public enum Algorithm { MOD10, MOD11 }

    /**
     * How a tenant's KIDs are built: {@code customerDigits} digits of the customer number (0 = not included),
     * zero-padded on the left, then {@code sequenceDigits} digits of the sequence number, zero-padded, then the
     * check digit. Banks' OCR agreements name a fixed KID length: it is {@link #length()}.
     */
    public record Scheme(Algorithm algorithm, int customerDigits, int sequenceDigits) {
        /** MOD10, no customer number, the sequence in 9 digits: a 10-digit KID. */
        public static final Scheme DEFAULT = new Scheme(Algorithm.MOD10, 0, 9);

        /** The KID length, check digit included. */
        public int length() {
            return customerDigits + sequenceDigits + 1;
        }

        /** The rules the scheme breaks, as violations of fields under {@code prefix} (empty when valid). */
        public List<FieldViolation> violations(String prefix) {
            List<FieldViolation> out = new ArrayList<>();
            if (algorithm == null) {
                out.add(new FieldViolation(prefix + ".algorithm", "required", "the KID algorithm must be MOD10 or MOD11"));
            }
            if (customerDigits < 0 || customerDigits > 15) {
                out.add(new FieldViolation(prefix + ".customerDigits", "range", "customerDigits must be 0-15"));
            }
            if (sequenceDigits < 1 || sequenceDigits > 18) {
                out.add(new FieldViolation(prefix + ".sequenceDigits", "range", "sequenceDigits must be 1-18"));
            }
            if (out.isEmpty() && length() > MAX_LENGTH) {
                out.add(new FieldViolation(prefix, "max-length",
                        "a KID is at most " + MAX_LENGTH + " characters; this scheme gives " + length()));
            }
            return out;
        }
    }

    private Kid() {
    }

    /**
     * The KID of a document: customer part (if the scheme has one), sequence, check digit.
     *
     * @throws DomainException {@code sequence} if the sequence does not fit the scheme's digits,
     *                         {@code customerNumber} if the scheme includes it and it is not all digits or too long
     */
    public static String generate(Scheme scheme, long sequence, String customerNumber) {
        List<FieldViolation> invalid = scheme.violations("kid");
        if (!invalid.isEmpty()) {
            throw DomainException.invalid(invalid);
        }
        StringBuilder base = new StringBuilder(scheme.length());
        if (scheme.customerDigits() > 0) {
            if (customerNumber == null || !customerNumber.chars().allMatch(c -> c >= '0' && c <= '9')
                    || customerNumber.isEmpty() || customerNumber.length() > scheme.customerDigits()) {
                throw DomainException.invalid("customerNumber", "kid-digits", "the KID scheme takes the customer number "
                        + "in " + scheme.customerDigits() + " digits, but it is '" + customerNumber + "'");
            }
            pad(base, customerNumber, scheme.customerDigits());
        }
        String seq = Long.toString(sequence);
        if (sequence < 0 || seq.length() > scheme.sequenceDigits()) {
            throw DomainException.invalid("sequence", "kid-digits", "the sequence number " + sequence
                    + " does not fit the KID scheme's " + scheme.sequenceDigits() + " digits");
        }
        pad(base, seq, scheme.sequenceDigits());
        String digits = base.toString();
        return digits + checkDigit(scheme.algorithm(), digits);
    }

    /** The check character for {@code digits} (0-9, or {@code -} for a MOD11 remainder of 10). */
    public static char checkDigit(Algorithm algorithm, String digits) {
        requireDigits(digits);
        return algorithm == Algorithm.MOD10 ? mod10(digits) : mod11(digits);
    }

    /** True when {@code kid} is 2-25 characters, all digits but the last, and its last character is the check digit. */
    public static boolean isValid(String kid, Algorithm algorithm) {
        if (kid == null || kid.length() < 2 || kid.length() > MAX_LENGTH) {
            return false;
        }
        String base = kid.substring(0, kid.length() - 1);
        if (!base.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return checkDigit(algorithm, base) == kid.charAt(kid.length() - 1);
    }

    private static char mod10(String digits) {
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static char mod11(String digits) {
        int sum = 0;
        int weight = 2;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum += (digits.charAt(i) - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return '0';
        }
        return check == 10 ? '-' : (char) ('0' + check);
    }

    private static void requireDigits(String digits) {
        if (digits == null || digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a KID base is one or more digits: " + digits);
        }
    }

    private static void pad(StringBuilder out, String digits, int width) {
        out.append("0".repeat(width - digits.length())).append(digits);
    }
}

package io.invoiceflow.documents;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.FieldViolation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a tenant adds to its profile for documents (H7 payment settings and the sender's contact): the contact
 * email, phone and department shown on documents and in emails, the bank account, optional IBAN and BIC, and
 * how KIDs are built. Every field but {@code kid} may be null. {@link #validate} refuses bad values.
 */
public record SupplierSettings(
        String email,
        String phone,
        String department,
        String bankAccount,
        String iban,
        String bic,
        Kid.Scheme kid) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()./-]{3,30}");
    private static final Pattern NO_ACCOUNT = Pattern.compile("[0-9]{11}");

    /** Settings with contact details only: no bank account, default KID scheme. */
    public static SupplierSettings contactOnly(String email, String phone, String department) {
        return new SupplierSettings(email, phone, department, null, null, null, Kid.Scheme.DEFAULT);
    }

    /**
     * Checks every field; for a Norwegian tenant ({@code country} NO) the bank account must be 11 digits with a
     * valid MOD11 check digit (spaces and dots are allowed and removed).
     *
     * @return the settings with the bank account, IBAN and BIC normalised (no spaces, upper case)
     * @throws DomainException naming every broken field
     */
    public SupplierSettings validate(String country) {
        List<FieldViolation> out = new ArrayList<>();
        if (email != null && !EMAIL.matcher(email).matches()) {
            out.add(new FieldViolation("email", "format", "email must be an email address"));
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            out.add(new FieldViolation("phone", "format", "phone must be 3-30 digits, spaces, '+', '(', ')', '.', '/' or '-'"));
        }
        if (department != null && (department.length() > 100 || department.chars().anyMatch(Character::isISOControl))) {
            out.add(new FieldViolation("department", "format", "department must be at most 100 characters on one line"));
        }
        String account = bankAccount == null ? null : bankAccount.replaceAll("[ .]", "");
        if (account != null) {
            if ("NO".equals(country)) {
                if (!NO_ACCOUNT.matcher(account).matches() || !Kid.isValid(account, Kid.Algorithm.MOD11)) {
                    out.add(new FieldViolation("bankAccount", "mod11",
                            "a Norwegian bank account is 11 digits with a valid MOD11 check digit"));
                }
            } else if (account.isEmpty() || account.length() > 34 || account.chars().anyMatch(Character::isISOControl)) {
                out.add(new FieldViolation("bankAccount", "format", "bankAccount must be 1-34 characters"));
            }
        }
        String normalisedIban = iban == null ? null : iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (normalisedIban != null && !isValidIban(normalisedIban)) {
            out.add(new FieldViolation("iban", "mod97", "iban must be an IBAN with valid check digits"));
        }
        String normalisedBic = bic == null ? null : bic.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (normalisedBic != null && !BIC.matcher(normalisedBic).matches()) {
            out.add(new FieldViolation("bic", "format", "bic must be 8 or 11 letters and digits (ISO 9362)"));
        }
        if (kid == null) {
            out.add(new FieldViolation("kid", "required", "kid (the KID scheme) is required"));
        } else {
            out.addAll(kid.violations("kid"));
        }
        if (!out.isEmpty()) {
            throw DomainException.invalid(out);
        }
        return new SupplierSettings(email, phone, department, account, normalisedIban, normalisedBic, kid);
    }

    static boolean isValidIban(String iban) {
        if (!IBAN.matcher(iban).matches()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}

package io.invoiceflow.events.settings;

/**
 * How a tenant's KIDs are built: {@code customerDigits} digits of the customer number (0: not included), then
 * {@code sequenceDigits} digits of the invoice's sequence number, then the check digit.
 */
public record KidScheme(KidAlgorithm algorithm, int customerDigits, int sequenceDigits) {
    /** MOD10, no customer number, the sequence in 9 digits: a 10-digit KID. */
    public static final KidScheme DEFAULT = new KidScheme(KidAlgorithm.MOD10, 0, 9);
}
